import { NotFoundError } from "@atelier/subgraph-kit";
import type { z } from "zod";
import type { Context } from "../context";
import { canSeeAsset } from "../data/asset-visibility";
import type { UpdateAssetInput } from "./asset-input";
import { findProjectInWorkspace } from "./find-owned";
import { audit, inTenant, writerOf } from "./scope";

/** Renames an asset, changes its access level, or moves it to a project of its workspace. */
export function updateAsset(ctx: Context, input: z.infer<typeof UpdateAssetInput>) {
  const actor = writerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    const asset = await tx.asset.findFirst({ where: { id: input.assetId, tenantId: actor.tenantId, deletedAt: null } });
    if (!asset || !canSeeAsset(actor, asset)) throw new NotFoundError(`Asset ${input.assetId} not found.`);
    if (input.projectId) await findProjectInWorkspace(tx, actor.tenantId, input.projectId, asset.workspaceId);
    const data = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.accessLevel ? { accessLevel: input.accessLevel } : {}),
      ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
    };
    const updated = await tx.asset.update({ where: { id: asset.id }, data });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "asset.update",
      resourceType: "Asset",
      resourceId: asset.id,
      changes: data,
    });
    return updated;
  });
}
