import type { AssetResolvers } from "../generated/resolvers-types";

export const Asset: AssetResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  knowledgeDocuments: (asset, _args, ctx) => ctx.loaders.documentsByAssetId.load(asset.id),
};
