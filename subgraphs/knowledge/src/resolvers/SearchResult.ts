import type { SearchResultResolvers } from "../generated/resolvers-types";

export const SearchResult: SearchResultResolvers = {
  document: async (hit, _args, ctx) => {
    const doc = await ctx.loaders.documentById.load(hit.chunk.documentId);
    if (!doc) throw new Error(`search hit without its document ${hit.chunk.documentId}`);
    return doc;
  },
};
