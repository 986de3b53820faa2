import { NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import { createAssetStore } from "../data/asset-store";
import type { CreativeScope } from "../scope/creative-scope";
import { canSeeAsset } from "./can-see-asset";

/** Soft-deletes an asset; its versions stop counting against the quota. */
export function deleteAsset(scope: CreativeScope, input: { assetId: string }) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const asset = await createAssetStore(scoped).findLive(input.assetId);
    if (!asset || !canSeeAsset(actor, asset)) throw new NotFoundError(`Asset ${input.assetId} not found.`);
    await tx.asset.update({ where: { id: asset.id }, data: { deletedAt: new Date() } });
    scoped.audit({
      action: "asset.delete",
      resourceType: "Asset",
      resourceId: asset.id,
    });
    return asset.id;
  });
}
