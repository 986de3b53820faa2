import type { Actor } from "@atelier/subgraph-kit";

/** An OWNER or ADMIN user of the tenant (they see every asset and may change any brand kit). */
export function isTenantAdmin(actor: Actor): boolean {
  return actor.role === "OWNER" || actor.role === "ADMIN";
}
