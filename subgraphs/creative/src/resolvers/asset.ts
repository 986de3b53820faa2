import { z } from "zod";
import type { Context } from "../context";
import { CreateAssetUploadInput, CreateAssetVersionUploadInput, UpdateAssetInput } from "../domain/asset-input";
import { completeAssetUpload } from "../domain/complete-asset-upload";
import { createAssetUpload } from "../domain/create-asset-upload";
import { createAssetVersionUpload } from "../domain/create-asset-version-upload";
import { deleteAsset } from "../domain/delete-asset";
import { handAssetToKnowledge } from "../domain/hand-asset-to-knowledge";
import { inTenant, readerOf } from "../domain/scope";
import { storageUsed } from "../domain/storage-limits";
import { updateAsset } from "../domain/update-asset";
import { id } from "../domain/validation";
import type { Asset, AssetVersion } from "../generated/prisma/client";
import { type Args, IdArgs, inputOf, isUuid, userRef } from "./shared";

const AssetRef = z.object({ assetId: id });
const VersionRef = z.object({ versionId: id });
const DownloadArgs = z.object({ expiresInSeconds: z.number().int().min(30).max(3600).nullish() });

export const assetResolvers = {
  Query: {
    asset: (_: unknown, args: Args, ctx: Context) => ctx.loaders.assetById.load(IdArgs.parse(args).id),
    storageUsage: async (_: unknown, __: Args, ctx: Context) => {
      const actor = readerOf(ctx.identity);
      const { assets } = ctx.services.config;
      const usedBytes = await inTenant(ctx.services, actor.tenantId, (tx) => storageUsed(tx, actor.tenantId));
      return { usedBytes, quotaBytes: assets.quotaBytes, allowedMimeTypes: assets.allowedMimeTypes };
    },
  },
  Mutation: {
    createAssetUpload: (_: unknown, args: Args, ctx: Context) =>
      createAssetUpload(ctx, inputOf(CreateAssetUploadInput, args)),
    createAssetVersionUpload: (_: unknown, args: Args, ctx: Context) =>
      createAssetVersionUpload(ctx, inputOf(CreateAssetVersionUploadInput, args)),
    completeAssetUpload: async (_: unknown, args: Args, ctx: Context) => ({
      asset: await completeAssetUpload(ctx, inputOf(VersionRef, args)),
    }),
    updateAsset: async (_: unknown, args: Args, ctx: Context) => ({
      asset: await updateAsset(ctx, inputOf(UpdateAssetInput, args)),
    }),
    deleteAsset: async (_: unknown, args: Args, ctx: Context) => ({
      deletedAssetId: await deleteAsset(ctx, inputOf(AssetRef, args)),
    }),
    handAssetToKnowledge: async (_: unknown, args: Args, ctx: Context) => ({
      asset: await handAssetToKnowledge(ctx, inputOf(AssetRef, args)),
    }),
  },
  Asset: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.assetById.load(ref.id) : null,
    workspace: (a: Asset, _: Args, ctx: Context) => ctx.loaders.workspaceById.load(a.workspaceId),
    project: (a: Asset, _: Args, ctx: Context) => (a.projectId ? ctx.loaders.projectById.load(a.projectId) : null),
    generationRequest: (a: Asset, _: Args, ctx: Context) =>
      a.generationRequestId ? ctx.loaders.generationRequestById.load(a.generationRequestId) : null,
    metadata: (a: Asset) => a.metadata ?? {},
    versions: (a: Asset, _: Args, ctx: Context) => ctx.loaders.versionsByAssetId.load(a.id),
    latestVersion: async (a: Asset, _: Args, ctx: Context) =>
      (await ctx.loaders.versionsByAssetId.load(a.id)).filter((v) => v.status === "READY").at(-1) ?? null,
    createdBy: (a: Asset) => userRef(a.createdById),
  },
  AssetVersion: {
    sizeBytes: (v: AssetVersion) => Number(v.sizeBytes),
    createdBy: (v: AssetVersion) => userRef(v.createdById),
    downloadUrl: (v: AssetVersion, args: Args, ctx: Context) => {
      const { expiresInSeconds } = DownloadArgs.parse(args);
      return v.status === "READY"
        ? ctx.services.blobs.signDownload(v.storageKey, {
            contentType: v.mimeType,
            ttlSeconds: expiresInSeconds ?? ctx.services.config.storage.signedUrlTtlSeconds,
          })
        : null;
    },
  },
};
