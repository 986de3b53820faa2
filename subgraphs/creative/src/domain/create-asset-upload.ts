import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createAssetStore } from "../data/asset-store";
import { createProjectStore } from "../data/project-store";
import { createWorkspaceStore } from "../data/workspace-store";
import type { CreateAssetUploadInput } from "../inputs/asset-input";
import type { CreativeScope } from "../scope/creative-scope";
import { assertAllowedMime } from "./assert-allowed-mime";
import { reserveQuota } from "./reserve-quota";
import { storageKey } from "./storage-key";

/** Creates an asset with a pending version 1 and a signed URL to upload its bytes to. */
export async function createAssetUpload(scope: CreativeScope, input: z.infer<typeof CreateAssetUploadInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  const { config, blobs } = scope.services;
  assertAllowedMime(config, input.mimeType);
  const { asset, version } = await scope.write(async (scoped) => {
    const _tx = scoped.db;
    const workspace = await createWorkspaceStore(scoped).find(input.workspaceId);
    if (input.projectId) await createProjectStore(scoped).findInWorkspace(input.projectId, workspace.id);
    await reserveQuota(scoped, config, input.sizeBytes);
    const asset = await createAssetStore(scoped).create({
      workspaceId: workspace.id,
      projectId: input.projectId ?? null,
      name: input.name,
      type: input.type ?? "UPLOADED",
      accessLevel: input.accessLevel ?? "WORKSPACE",
      mimeType: input.mimeType,
      metadata: (input.metadata ?? {}) as object,
      createdById: actor.actorId,
    });
    const version = await createAssetStore(scoped).createVersion({
      assetId: asset.id,
      versionNumber: 1,
      storageKey: storageKey(scoped.tenantId, asset.id, 1),
      mimeType: input.mimeType,
      sizeBytes: BigInt(input.sizeBytes),
      stateData: (input.stateData ?? undefined) as object | undefined,
      createdById: actor.actorId,
    });
    scoped.audit({
      action: "asset.create",
      resourceType: "Asset",
      resourceId: asset.id,
      changes: { workspaceId: workspace.id, mimeType: input.mimeType, sizeBytes: input.sizeBytes },
    });
    return { asset, version };
  });
  const upload = await blobs.signUpload(version.storageKey, {
    contentType: input.mimeType,
    size: input.sizeBytes,
    ttlSeconds: config.storage.signedUrlTtlSeconds,
  });
  return { asset, version, upload };
}
