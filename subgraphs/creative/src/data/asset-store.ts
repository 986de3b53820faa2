import type { ScopedTx } from "@atelier/db";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** The tenant's assets. */
export function createAssetStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    create(data: Omit<Prisma.AssetUncheckedCreateInput, "tenantId">) {
      return db.asset.create({ data: { ...data, tenantId } });
    },
    createVersion(data: Omit<Prisma.AssetVersionUncheckedCreateInput, "tenantId">) {
      return db.assetVersion.create({ data: { ...data, tenantId } });
    },

    /** A live (not deleted) asset, or null. */
    findLive(id: string) {
      return db.asset.findFirst({ where: { id, tenantId, deletedAt: null } });
    },

    /** How many of these ids are live assets of the tenant. */
    countLive(ids: string[]) {
      return db.asset.count({ where: { tenantId, id: { in: ids }, deletedAt: null } });
    },

    /** How many READY versions an asset has. */
    countReadyVersions(assetId: string) {
      return db.assetVersion.count({ where: { assetId, tenantId, status: "READY" } });
    },

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
