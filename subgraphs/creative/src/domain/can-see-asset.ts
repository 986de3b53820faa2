import type { Actor } from "@atelier/subgraph-kit";
import { isTenantAdmin } from "./is-tenant-admin";

/** assetVisibleWhere for one asset already read. */
export function canSeeAsset(actor: Actor, asset: { accessLevel: string; createdById: string | null }): boolean {
  if (isTenantAdmin(actor) || asset.createdById === actor.actorId) return true;
  return actor.kind === "apiClient" ? asset.accessLevel === "TENANT" : asset.accessLevel !== "PRIVATE";
}
