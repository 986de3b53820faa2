import type { ScopedTx } from "@atelier/db";
import type { Db } from "./db";

/** The tenant's assets. */
export function createAssetStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    /** Bytes held by the tenant's live assets, pending uploads included (they reserve quota). */
    async storageUsed(): Promise<number> {
      const rows = await db.$queryRaw<{ used: bigint | null }[]>`
        SELECT SUM(v."sizeBytes") AS used
          FROM "creative".asset_versions v JOIN "creative".assets a ON a.id = v."assetId"
         WHERE v."tenantId" = ${tenantId}::uuid AND a."deletedAt" IS NULL`;
      return Number(rows[0]?.used ?? 0);
    },
  };
}
