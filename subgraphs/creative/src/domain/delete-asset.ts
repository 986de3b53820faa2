import { NotFoundError } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { canSeeAsset } from "../data/asset-visibility";
import { audit, inTenant, writerOf } from "./scope";

/** Soft-deletes an asset; its versions stop counting against the quota. */
export function deleteAsset(ctx: Context, input: { assetId: string }) {
  const actor = writerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    const asset = await tx.asset.findFirst({ where: { id: input.assetId, tenantId: actor.tenantId, deletedAt: null } });
    if (!asset || !canSeeAsset(actor, asset)) throw new NotFoundError(`Asset ${input.assetId} not found.`);
    await tx.asset.update({ where: { id: asset.id }, data: { deletedAt: new Date() } });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "asset.delete",
      resourceType: "Asset",
      resourceId: asset.id,
    });
    return asset.id;
  });
}
