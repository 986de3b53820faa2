import { type Actor, ForbiddenError, NotFoundError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";

export async function findEditableBrandKit(tx: Db, actor: Actor, id: string) {
  const kit = await tx.brandKit.findFirst({ where: { id, tenantId: actor.tenantId } });
  if (!kit) throw new NotFoundError(`Brand kit ${id} not found.`);
  if (kit.ownerId !== actor.actorId && actor.role !== "OWNER" && actor.role !== "ADMIN")
    throw new ForbiddenError("Only the brand kit's owner or an ADMIN can change it.");
  return kit;
}
