import type { Actor } from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";
import { isTenantAdmin } from "./is-tenant-admin";

/** Which assets an actor may see: PRIVATE ones only their creator (and admins); API clients TENANT ones. */
export function assetVisibleWhere(actor: Actor): Prisma.AssetWhereInput {
  if (isTenantAdmin(actor)) return {};
  if (actor.kind === "apiClient") return { OR: [{ accessLevel: "TENANT" }, { createdById: actor.actorId }] };
  return { OR: [{ accessLevel: { not: "PRIVATE" } }, { createdById: actor.actorId }] };
}
