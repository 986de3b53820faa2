import type { SqlTx } from "@atelier/db";
import type { AssetVersion } from "../generated/prisma/client";

/** Every version of the given assets, oldest first per asset, in one statement. */
export async function versionsOfAssets(
  tx: Pick<SqlTx, "$queryRawUnsafe">,
  tenantId: string,
  assetIds: readonly string[],
): Promise<AssetVersion[]> {
  const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM "creative"."asset_versions"
      WHERE "tenantId" = $1::uuid AND "assetId" = ANY($2::uuid[])
      ORDER BY "assetId", "versionNumber"`,
    tenantId,
    assetIds,
  );
  return assetVersionsFrom(rows);
}

/** `asset_versions` rows as pg returns them, as Prisma's AssetVersion. */
export function assetVersionsFrom(rows: readonly Record<string, unknown>[]): AssetVersion[] {
  // pg returns int8 as text; Prisma's AssetVersion (and its other callers) hold a bigint.
  for (const row of rows) row.sizeBytes = BigInt(row.sizeBytes as string);
  return rows as unknown as AssetVersion[];
}
