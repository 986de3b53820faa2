import { BadUserInputError, NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import type { CreativeScope } from "../scope/creative-scope";
import { canSeeAsset } from "./can-see-asset";

/** Marks a version READY once storage holds exactly the declared bytes. */
export function completeAssetUpload(scope: CreativeScope, input: { versionId: string }) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const version = await tx.assetVersion.findFirst({
      where: { id: input.versionId, tenantId: actor.tenantId },
      include: { asset: true },
    });
    if (!version || version.asset.deletedAt || !canSeeAsset(actor, version.asset)) {
      throw new NotFoundError(`Asset version ${input.versionId} not found.`);
    }
    if (version.status === "READY") return version.asset;
    const stored = await scope.services.blobs.stat(version.storageKey);
    if (!stored) throw new BadUserInputError("The upload has not arrived yet: PUT the bytes to the upload URL first.");
    if (BigInt(stored.size) !== version.sizeBytes) {
      throw new BadUserInputError(`The upload has ${stored.size} bytes, ${version.sizeBytes} were declared.`);
    }
    await tx.assetVersion.update({ where: { id: version.id }, data: { status: "READY" } });
    scoped.audit({
      action: "asset.upload_complete",
      resourceType: "Asset",
      resourceId: version.assetId,
      changes: { versionNumber: version.versionNumber, sizeBytes: stored.size },
    });
    return tx.asset.update({ where: { id: version.assetId }, data: { updatedAt: new Date() } });
  });
}
