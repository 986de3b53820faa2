import type { AssetResolvers } from "../generated/resolvers-types";
import { isUuid, referenced, userRef } from "./shared";

export const Asset: AssetResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.assetById.load(ref.id) : null),
  workspace: (a, _, ctx) => referenced(ctx.loaders.workspaceById.load(a.workspaceId)),
  project: (a, _, ctx) => (a.projectId ? ctx.loaders.projectById.load(a.projectId) : null),
  generationRequest: (a, _, ctx) =>
    a.generationRequestId ? ctx.loaders.generationRequestById.load(a.generationRequestId) : null,
  metadata: (a) => a.metadata ?? {},
  versions: (a, _, ctx) => ctx.loaders.versionsByAssetId.load(a.id),
  latestVersion: async (a, _, ctx) =>
    (await ctx.loaders.versionsByAssetId.load(a.id)).filter((v) => v.status === "READY").at(-1) ?? null,
  createdBy: (a) => userRef(a.createdById),
};
