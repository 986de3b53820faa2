import type { ScopedTx, SqlStatement } from "@atelier/db";
import type { KeyedRow } from "@atelier/subgraph-kit";
import type { Asset, AssetVersion } from "../generated/prisma/client";
import type { ReadMany } from "../scope/tenant-transactions";
import { assetVersionsFrom } from "./asset-version-store";
import { type ChildPageKey, type ChildQuery, childPageGroups, childPagesOf } from "./child-page-store";

/** An asset row of a page, carrying its versions (oldest first) read in the same round trip. */
export type AssetWithVersions = Asset & KeyedRow & { __versions?: AssetVersion[] };

/** The versions of the assets a page statement selects, with the same values. */
function versionsOfPage(page: SqlStatement): SqlStatement {
  return {
    text: `SELECT * FROM "creative"."asset_versions"
            WHERE "tenantId" = $1::uuid AND "assetId" IN (SELECT id FROM (${page.text}) page)
            ORDER BY "assetId", "versionNumber"`,
    values: page.values,
  };
}

/**
 * Pages of assets for many parents (see loadChildPages) together with every version of those
 * assets, in one message: the dashboard's `assets { versions }` costs one database level, not
 * two, and `Asset.versions` answers without a loader promise per asset.
 */
export function createAssetPageStore(tx: ScopedTx<ReadMany>) {
  return {
    pagesWithVersions: (query: ChildQuery, keys: readonly ChildPageKey[]) => pagesWithVersions(tx, query, keys),
  };
}

async function pagesWithVersions(
  tx: ScopedTx<ReadMany>,
  query: ChildQuery,
  keys: readonly ChildPageKey[],
): Promise<AssetWithVersions[][]> {
  const groups = childPageGroups(tx.tenantId, query, keys);
  const results = await tx.db(groups.flatMap((group) => [group.statement, versionsOfPage(group.statement)]));
  const pages = childPagesOf<AssetWithVersions>(
    keys,
    groups,
    groups.map((_, i) => results[2 * i]!),
  );
  const versions = new Map<string, AssetVersion[]>();
  for (const version of assetVersionsFrom(groups.flatMap((_, i) => results[2 * i + 1]!))) {
    const list = versions.get(version.assetId);
    if (list) list.push(version);
    else versions.set(version.assetId, [version]);
  }
  for (const page of pages) for (const asset of page) asset.__versions = versions.get(asset.id) ?? [];
  return pages;
}
