import type { Db } from "../data/db";
import type { GenerationRequest } from "../generated/prisma/client";
import type { GeneratedImage } from "./generation-provider";

/** Records a generated image (already stored under `storageKey`) as an AI_GENERATED asset with a READY version 1. */
export async function saveGeneratedAsset(
  tx: Db,
  request: GenerationRequest,
  image: GeneratedImage,
  opts: { name: string; storageKey: string; isFinal: boolean; metadata: Record<string, unknown> },
) {
  const asset = await tx.asset.create({
    data: {
      tenantId: request.tenantId,
      workspaceId: request.workspaceId,
      projectId: request.projectId,
      generationRequestId: request.id,
      name: opts.name,
      type: "AI_GENERATED",
      accessLevel: "WORKSPACE",
      mimeType: image.mimeType,
      resolution: `${image.width}x${image.height}`,
      isFinal: opts.isFinal,
      metadata: opts.metadata as object,
      createdById: request.requestedById,
    },
  });
  await tx.assetVersion.create({
    data: {
      tenantId: request.tenantId,
      assetId: asset.id,
      versionNumber: 1,
      storageKey: opts.storageKey,
      mimeType: image.mimeType,
      sizeBytes: BigInt(image.bytes.length),
      status: "READY",
      createdById: request.requestedById,
    },
  });
  return asset;
}
