import type { DocumentResolvers } from "../generated/resolvers-types";

export const Document: DocumentResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.documentById.load(ref.id),
  metadata: (doc) => doc.metadata ?? {},
  asset: (doc) => (doc.sourceAssetId ? { id: doc.sourceAssetId } : null),
};
