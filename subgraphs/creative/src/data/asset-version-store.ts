import type { ScopedTx, SqlTx } from "@atelier/db";
import type { AssetVersion } from "../generated/prisma/client";

/** `asset_versions` rows as pg returns them, as Prisma's AssetVersion. */
export function assetVersionsFrom(rows: readonly Record<string, unknown>[]): AssetVersion[] {
  // pg returns int8 as text; Prisma's AssetVersion (and its other callers) hold a bigint.
  for (const row of rows) row.sizeBytes = BigInt(row.sizeBytes as string);
  return rows as unknown as AssetVersion[];
}

/** Asset versions on plain pg (the loaders' one-round-trip reads). */
export function createAssetVersionStore(tx: ScopedTx<Pick<SqlTx, "$queryRawUnsafe">>) {
  return {
    /** Every version of the given assets, oldest first per asset, in one statement. */
    async ofAssets(assetIds: readonly string[]): Promise<AssetVersion[]> {
      const rows = await tx.db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT * FROM "creative"."asset_versions"
          WHERE "tenantId" = $1::uuid AND "assetId" = ANY($2::uuid[])
          ORDER BY "assetId", "versionNumber"`,
        tx.tenantId,
        assetIds,
      );
      return assetVersionsFrom(rows);
    },
  };
}
