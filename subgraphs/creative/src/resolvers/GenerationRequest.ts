import type { GenerationRequestResolvers } from "../generated/resolvers-types";
import { referenced, userRef } from "./shared";

export const GenerationRequest: GenerationRequestResolvers = {
  workspace: (g, _, ctx) => referenced(ctx.loaders.workspaceById.load(g.workspaceId)),
  project: (g, _, ctx) => (g.projectId ? ctx.loaders.projectById.load(g.projectId) : null),
  brandKit: (g, _, ctx) => (g.brandKitId ? ctx.loaders.brandKitById.load(g.brandKitId) : null),
  parameters: (g) => g.parameters ?? {},
  samples: (g, _, ctx) => ctx.loaders.samplesByGenerationRequestId.load(g.id),
  selectedSample: (g, _, ctx) => (g.selectedSampleId ? ctx.loaders.assetById.load(g.selectedSampleId) : null),
  finalAsset: (g, _, ctx) => (g.finalAssetId ? ctx.loaders.assetById.load(g.finalAssetId) : null),
  modelVersion: (g, _, ctx) => (g.modelVersionId ? ctx.loaders.aiModelVersionById.load(g.modelVersionId) : null),
  requestedBy: (g) => userRef(g.requestedById),
};
