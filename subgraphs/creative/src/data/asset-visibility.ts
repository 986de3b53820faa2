import type { Actor } from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";

const isAdmin = (actor: Actor) => actor.role === "OWNER" || actor.role === "ADMIN";

/** Which assets an actor may see: PRIVATE ones only their creator (and admins); API clients TENANT ones. */
export function assetVisibleWhere(actor: Actor): Prisma.AssetWhereInput {
  if (isAdmin(actor)) return {};
  if (actor.kind === "apiClient") return { OR: [{ accessLevel: "TENANT" }, { createdById: actor.actorId }] };
  return { OR: [{ accessLevel: { not: "PRIVATE" } }, { createdById: actor.actorId }] };
}

/** The same rule as SQL over the `assets` table, with the actor's id as parameter `$n`. */
export function assetVisibleSql(actor: Actor, n: number): string {
  if (isAdmin(actor)) return `($${n}::uuid IS NOT NULL OR TRUE)`;
  if (actor.kind === "apiClient") return `("accessLevel" = 'TENANT' OR "createdById" = $${n}::uuid)`;
  return `("accessLevel" <> 'PRIVATE' OR "createdById" = $${n}::uuid)`;
}

export function canSeeAsset(actor: Actor, asset: { accessLevel: string; createdById: string | null }): boolean {
  if (isAdmin(actor) || asset.createdById === actor.actorId) return true;
  return actor.kind === "apiClient" ? asset.accessLevel === "TENANT" : asset.accessLevel !== "PRIVATE";
}
