import type { SqlTx } from "@atelier/db";
import { BadUserInputError, decodeCursor, pageSize } from "@atelier/subgraph-kit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
 * level, whatever the number of parents.
 */
export async function loadChildPages<T extends Record<string, unknown>>(
  tx: Pick<SqlTx, "$queryRawUnsafe">,
  query: ChildQuery,
  keys: readonly ChildPageKey[],
): Promise<T[][]> {
  const groups = new Map<string, { take: number; after: string | null; parents: string[] }>();
  for (const key of keys) {
    const take = pageSize(key.first);
    const after = key.after ? decodeCursor(key.after, 1)[0]! : null;
    if (after && !UUID.test(after)) throw new BadUserInputError("after: not a cursor of this list");
    const group = groups.get(`${take}|${after}`) ?? { take, after, parents: [] };
    group.parents.push(key.parentId);
    groups.set(`${take}|${after}`, group);
  }
  const byKey = new Map<string, T[]>();
  for (const [groupKey, group] of groups) {
    const afterSql = group.after
      ? `AND ("createdAt", id) > (SELECT "createdAt", id FROM ${query.table} WHERE id = '${group.after}'::uuid)`
      : "";
    const rows = await tx.$queryRawUnsafe<(T & { __parent: string })[]>(
      `SELECT * FROM (
         SELECT t.*, t."${query.parentColumn}"::text AS __parent,
                row_number() OVER (PARTITION BY t."${query.parentColumn}" ORDER BY t."createdAt", t.id) AS __rank
           FROM ${query.table} t
          WHERE t."tenantId" = $1::uuid AND t."${query.parentColumn}" = ANY($2::uuid[]) ${afterSql} ${query.where}
       ) ranked WHERE __rank <= $3 ORDER BY "createdAt", id`,
      query.tenantId,
      group.parents,
      group.take + 1,
      ...query.params,
    );
    for (const parent of group.parents) byKey.set(`${groupKey}|${parent}`, []);
    for (const row of rows) {
      const { __parent, __rank, ...rest } = row as T & { __parent: string; __rank: unknown };
      byKey.get(`${groupKey}|${__parent}`)?.push(rest as unknown as T);
    }
  }
  return keys.map((key) => {
    const take = pageSize(key.first);
    const after = key.after ? decodeCursor(key.after, 1)[0]! : null;
    return byKey.get(`${take}|${after}|${key.parentId}`) ?? [];
  });
}
