import type { Context } from "../context";
import type { AssetWithVersions } from "../data/asset-page-store";
import type { Asset as AssetRow } from "../generated/prisma/client";
import type { AssetResolvers } from "../generated/resolvers-types";
import { isUuid, referenced, userRef } from "./shared";

/** Asset pages carry their versions (loadAssetPagesWithVersions); a single asset loads them. */
const versionsOf = (a: AssetRow, ctx: Context) =>
  (a as Partial<AssetWithVersions>).__versions ?? ctx.loaders.versionsByAssetId.load(a.id);

export const Asset: AssetResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.assetById.load(ref.id) : null),
  workspace: (a, _, ctx) => referenced(ctx.loaders.workspaceById.load(a.workspaceId)),
  project: (a, _, ctx) => (a.projectId ? ctx.loaders.projectById.load(a.projectId) : null),
  generationRequest: (a, _, ctx) =>
    a.generationRequestId ? ctx.loaders.generationRequestById.load(a.generationRequestId) : null,
  metadata: (a) => a.metadata ?? {},
  versions: (a, _, ctx) => versionsOf(a, ctx),
  latestVersion: async (a, _, ctx) => (await versionsOf(a, ctx)).filter((v) => v.status === "READY").at(-1) ?? null,
  createdBy: (a) => userRef(a.createdById),
};
