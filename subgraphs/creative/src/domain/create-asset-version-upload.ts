import { NotFoundError } from "@atelier/subgraph-kit";
import type { z } from "zod";
import type { Context } from "../context";
import { canSeeAsset } from "../data/asset-visibility";
import type { CreateAssetVersionUploadInput } from "./asset-input";
import { audit, inTenant, writerOf } from "./scope";
import { assertAllowedMime, reserveQuota, storageKey } from "./storage-limits";

/** Adds the next numbered version to an asset, pending its upload. */
export async function createAssetVersionUpload(ctx: Context, input: z.infer<typeof CreateAssetVersionUploadInput>) {
  const actor = writerOf(ctx.identity);
  const { config, blobs } = ctx.services;
  const { asset, version } = await inTenant(ctx.services, actor.tenantId, async (tx) => {
    const asset = await tx.asset.findFirst({ where: { id: input.assetId, tenantId: actor.tenantId, deletedAt: null } });
    if (!asset || !canSeeAsset(actor, asset)) throw new NotFoundError(`Asset ${input.assetId} not found.`);
    const mimeType = input.mimeType ?? asset.mimeType;
    assertAllowedMime(config, mimeType);
    await reserveQuota(tx, config, actor.tenantId, input.sizeBytes);
    const last = await tx.assetVersion.findFirst({ where: { assetId: asset.id }, orderBy: { versionNumber: "desc" } });
    const versionNumber = (last?.versionNumber ?? 0) + 1;
    const version = await tx.assetVersion.create({
      data: {
        tenantId: actor.tenantId,
        assetId: asset.id,
        versionNumber,
        storageKey: storageKey(actor.tenantId, asset.id, versionNumber),
        mimeType,
        sizeBytes: BigInt(input.sizeBytes),
        stateData: (input.stateData ?? undefined) as object | undefined,
        description: input.description ?? null,
        createdById: actor.id,
      },
    });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "asset.version_create",
      resourceType: "Asset",
      resourceId: asset.id,
      changes: { versionNumber, sizeBytes: input.sizeBytes },
    });
    return { asset, version };
  });
  const upload = await blobs.signUpload(version.storageKey, {
    contentType: version.mimeType,
    size: input.sizeBytes,
    ttlSeconds: config.storage.signedUrlTtlSeconds,
  });
  return { asset, version, upload };
}
