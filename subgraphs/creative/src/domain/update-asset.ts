import { NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createAssetStore } from "../data/asset-store";
import { createProjectStore } from "../data/project-store";
import type { UpdateAssetInput } from "../inputs/asset-input";
import type { CreativeScope } from "../scope/creative-scope";
import { canSeeAsset } from "./can-see-asset";

/** Renames an asset, changes its access level, or moves it to a project of its workspace. */
export function updateAsset(scope: CreativeScope, input: z.infer<typeof UpdateAssetInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const asset = await createAssetStore(scoped).findLive(input.assetId);
    if (!asset || !canSeeAsset(actor, asset)) throw new NotFoundError(`Asset ${input.assetId} not found.`);
    if (input.projectId) await createProjectStore(scoped).findInWorkspace(input.projectId, asset.workspaceId);
    const data = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.accessLevel ? { accessLevel: input.accessLevel } : {}),
      ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
    };
    const updated = await tx.asset.update({ where: { id: asset.id }, data });
    scoped.audit({
      action: "asset.update",
      resourceType: "Asset",
      resourceId: asset.id,
      changes: data,
    });
    return updated;
  });
}
