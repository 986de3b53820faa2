import { NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createAssetStore } from "../data/asset-store";
import type { CreateAssetVersionUploadInput } from "../inputs/asset-input";
import type { CreativeScope } from "../scope/creative-scope";
import { assertAllowedMime } from "./assert-allowed-mime";
import { canSeeAsset } from "./can-see-asset";
import { reserveQuota } from "./reserve-quota";
import { storageKey } from "./storage-key";

/** Adds the next numbered version to an asset, pending its upload. */
export async function createAssetVersionUpload(
  scope: CreativeScope,
  input: z.infer<typeof CreateAssetVersionUploadInput>,
) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  const { config, blobs } = scope.services;
  const { asset, version } = await scope.write(async (scoped) => {
    const tx = scoped.db;
    const asset = await createAssetStore(scoped).findLive(input.assetId);
    if (!asset || !canSeeAsset(actor, asset)) throw new NotFoundError(`Asset ${input.assetId} not found.`);
    const mimeType = input.mimeType ?? asset.mimeType;
    assertAllowedMime(config, mimeType);
    await reserveQuota(scoped, config, input.sizeBytes);
    const last = await tx.assetVersion.findFirst({ where: { assetId: asset.id }, orderBy: { versionNumber: "desc" } });
    const versionNumber = (last?.versionNumber ?? 0) + 1;
    const version = await createAssetStore(scoped).createVersion({
      assetId: asset.id,
      versionNumber,
      storageKey: storageKey(scoped.tenantId, asset.id, versionNumber),
      mimeType,
      sizeBytes: BigInt(input.sizeBytes),
      stateData: (input.stateData ?? undefined) as object | undefined,
      description: input.description ?? null,
      createdById: actor.actorId,
    });
    scoped.audit({
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
