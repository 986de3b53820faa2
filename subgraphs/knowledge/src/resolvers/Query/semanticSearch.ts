import type { QueryResolvers } from "../../generated/resolvers-types";
import { semanticSearch as search } from "../../search/semantic-search";

export const semanticSearchResolver: QueryResolvers["semanticSearch"] = async (_parent, args, ctx) => {
  const hits = await search(ctx.scope(), args.input);
  // Each hit carries its document: a later reference to it in this response costs no query.
  for (const hit of hits) ctx.loaders.documentById.prime(hit.document.id, hit.document);
  return hits;
};
