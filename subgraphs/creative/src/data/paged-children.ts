import type { SqlTx } from "@atelier/db";
import { decodeKeysetCursor, type KeyedRow, keysetCondition, pageSize, sortKeySql } from "@atelier/subgraph-kit";

export interface ChildPageKey {
  parentId: string;
  first?: number | null;
  after?: string | null;
}

export interface ChildQuery {
  /** `creative.<table>` name. */
  table: string;
  parentColumn: string;
  tenantId: string;
  /** Extra SQL conditions using parameters from `$4` on. */
  where: string;
  params: unknown[];
}

/**
 * The first page of children for many parents in ONE query (a window function ranks each
 * parent's children by (createdAt, id)), so nested connections cost one round trip per
 * level, whatever the number of parents. Rows carry their exact sort key for their cursors.
 */
export async function loadChildPages<T extends Record<string, unknown>>(
  tx: Pick<SqlTx, "$queryRawUnsafe">,
  query: ChildQuery,
  keys: readonly ChildPageKey[],
): Promise<(T & KeyedRow)[][]> {
  const groups = new Map<string, { take: number; after: string | null; parents: string[] }>();
  for (const key of keys) {
    const take = pageSize(key.first);
    const after = key.after ?? null;
    decodeKeysetCursor(after);
    const group = groups.get(`${take}|${after}`) ?? { take, after, parents: [] };
    group.parents.push(key.parentId);
    groups.set(`${take}|${after}`, group);
  }
  const byKey = new Map<string, (T & KeyedRow)[]>();
  for (const [groupKey, group] of groups) {
    const after = keysetCondition(decodeKeysetCursor(group.after), {
      column: `t."createdAt"`,
      idColumn: "t.id",
      direction: "asc",
      firstParam: 4 + query.params.length,
    });
    const rows = await tx.$queryRawUnsafe<(T & KeyedRow & { __parent: string })[]>(
      `SELECT * FROM (
         SELECT t.*, t."${query.parentColumn}"::text AS __parent, ${sortKeySql(`t."createdAt"`)} AS "__sortKey",
                row_number() OVER (PARTITION BY t."${query.parentColumn}" ORDER BY t."createdAt", t.id) AS __rank
           FROM ${query.table} t
          WHERE t."tenantId" = $1::uuid AND t."${query.parentColumn}" = ANY($2::uuid[]) AND ${after.sql} ${query.where}
       ) ranked WHERE __rank <= $3 ORDER BY "createdAt", id`,
      query.tenantId,
      group.parents,
      group.take + 1,
      ...query.params,
      ...after.params,
    );
    for (const parent of group.parents) byKey.set(`${groupKey}|${parent}`, []);
    for (const row of rows) {
      const { __parent, __rank, ...rest } = row as unknown as T & { __parent: string; __rank: unknown };
      byKey.get(`${groupKey}|${__parent}`)?.push(rest as unknown as T & KeyedRow);
    }
  }
  return keys.map((key) => {
    return byKey.get(`${pageSize(key.first)}|${key.after ?? null}|${key.parentId}`) ?? [];
  });
}
