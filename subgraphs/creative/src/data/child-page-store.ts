import type { ScopedTx, SqlStatement, SqlTx } from "@atelier/db";
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
  /** Extra SQL conditions using parameters from `$4` on. */
  where: string;
  params: unknown[];
}

/** One statement per distinct (page size, cursor) among the keys, each over all its parents. */
export interface ChildPageGroup {
  key: string;
  parents: string[];
  statement: SqlStatement;
}

const keyOf = (take: number, after: string | null) => `${take}|${after}`;

/**
 * The statements fetching the first page of children for many parents at once (a window
 * function ranks each parent's children by (createdAt, id)), so nested connections cost one
 * round trip per level, whatever the number of parents. Rows carry their exact sort key for their cursors.
 */
export function childPageGroups(tenantId: string, query: ChildQuery, keys: readonly ChildPageKey[]): ChildPageGroup[] {
  const groups = new Map<string, { take: number; after: string | null; parents: string[] }>();
  for (const key of keys) {
    const take = pageSize(key.first);
    const after = key.after ?? null;
    decodeKeysetCursor(after);
    const group = groups.get(keyOf(take, after)) ?? { take, after, parents: [] };
    group.parents.push(key.parentId);
    groups.set(keyOf(take, after), group);
  }
  return [...groups].map(([key, group]) => {
    const after = keysetCondition(decodeKeysetCursor(group.after), {
      column: `t."createdAt"`,
      idColumn: "t.id",
      direction: "asc",
      firstParam: 4 + query.params.length,
    });
    const text = `SELECT * FROM (
         SELECT t.*, t."${query.parentColumn}"::text AS __parent, ${sortKeySql(`t."createdAt"`)} AS "__sortKey",
                row_number() OVER (PARTITION BY t."${query.parentColumn}" ORDER BY t."createdAt", t.id) AS __rank
           FROM ${query.table} t
          WHERE t."tenantId" = $1::uuid AND t."${query.parentColumn}" = ANY($2::uuid[]) AND ${after.sql} ${query.where}
       ) ranked WHERE __rank <= $3 ORDER BY "createdAt", id`;
    const values = [tenantId, group.parents, group.take + 1, ...query.params, ...after.params];
    return { key, parents: group.parents, statement: { text, values } };
  });
}

/** Each key's page out of its group's rows (as childPageGroups fetched them). */
export function childPagesOf<T>(
  keys: readonly ChildPageKey[],
  groups: readonly ChildPageGroup[],
  rowsOfGroups: readonly Record<string, unknown>[][],
): (T & KeyedRow)[][] {
  const byKey = new Map<string, (T & KeyedRow)[]>();
  for (const [i, group] of groups.entries()) {
    for (const parent of group.parents) byKey.set(`${group.key}|${parent}`, []);
    for (const row of rowsOfGroups[i]!) {
      const { __parent, __rank, ...rest } = row as { __parent: string; __rank: unknown };
      byKey.get(`${group.key}|${__parent}`)?.push(rest as unknown as T & KeyedRow);
    }
  }
  return keys.map((key) => byKey.get(`${keyOf(pageSize(key.first), key.after ?? null)}|${key.parentId}`) ?? []);
}

/** Child pages on plain pg (the loaders' one-round-trip reads). */
export function createChildPageStore(tx: ScopedTx<Pick<SqlTx, "$queryRawUnsafe">>) {
  return {
    /** The first page of children for many parents, one query per group (see childPageGroups). */
    async pages<T extends Record<string, unknown>>(
      query: ChildQuery,
      keys: readonly ChildPageKey[],
    ): Promise<(T & KeyedRow)[][]> {
      const groups = childPageGroups(tx.tenantId, query, keys);
      const rows: Record<string, unknown>[][] = [];
      for (const group of groups) {
        rows.push(
          await tx.db.$queryRawUnsafe<Record<string, unknown>[]>(group.statement.text, ...group.statement.values),
        );
      }
      return childPagesOf<T>(keys, groups, rows);
    },
  };
}
