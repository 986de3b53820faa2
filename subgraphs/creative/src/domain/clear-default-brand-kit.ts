import type { Db } from "../data/db";

/** Only one default per owner: the previous one stops being default in the same transaction. */
export async function clearDefaultBrandKit(tx: Db, tenantId: string, ownerId: string) {
  await tx.brandKit.updateMany({ where: { tenantId, ownerId, isDefault: true }, data: { isDefault: false } });
}
