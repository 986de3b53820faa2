import type { Actor } from "@atelier/subgraph-kit";
import { isTenantAdmin } from "./is-tenant-admin";

/** assetVisibleWhere as SQL over the `assets` table, with the actor's id as parameter `$n`. */
export function assetVisibleSql(actor: Actor, n: number): string {
  if (isTenantAdmin(actor)) return `($${n}::uuid IS NOT NULL OR TRUE)`;
  if (actor.kind === "apiClient") return `("accessLevel" = 'TENANT' OR "createdById" = $${n}::uuid)`;
  return `("accessLevel" <> 'PRIVATE' OR "createdById" = $${n}::uuid)`;
}
