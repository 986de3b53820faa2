import type { ScopedTx } from "@atelier/db";
import { type Actor, ForbiddenError } from "@atelier/subgraph-kit";
import { createBrandKitStore } from "../data/brand-kit-store";
import type { Db } from "../data/db";

/** The brand kit, if the actor may change it: its owner, or an ADMIN (FORBIDDEN otherwise). */
export async function findEditableBrandKit(tx: ScopedTx<Db>, actor: Actor, id: string) {
  const kit = await createBrandKitStore(tx).find(id);
  if (kit.ownerId !== actor.actorId && actor.role !== "OWNER" && actor.role !== "ADMIN")
    throw new ForbiddenError("Only the brand kit's owner or an ADMIN can change it.");
  return kit;
}
