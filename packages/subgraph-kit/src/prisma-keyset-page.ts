import {
  type Connection,
  decodeKeysetCursor,
  keysetCondition,
  keysetCursor,
  type PageArgs,
  pageSize,
  type RawQuerier,
  type SortDirection,
  sortKeySql,
  toConnection,
} from "./pagination";

export interface KeysetList {
  /** The model's table, schema-qualified and quoted as SQL: `workflows."WorkflowRun"`. */
  table: string;
  /** The sort column's Prisma field (also its SQL name): `createdAt` unless said otherwise. */
  column?: string;
  direction: SortDirection;
  /**
   * UUID columns every row of the list equals (`{ tenantId }`, `{ userId }`): they narrow the
   * search for the cursor's position to the index the list itself uses.
   */
  scope?: Record<string, string>;
}

/** What `prismaKeysetPage` hands the caller's `findMany`: spread it beside the list's `where`. */
export interface KeysetWindow {
  orderBy: Record<string, SortDirection>[];
  take: number;
  cursor?: { id: string };
}

/**
 * One page of a Prisma list ordered by (column, id). Prisma hands timestamps to JS at millisecond
 * precision, so the cursor's comparison never goes through a JS Date: Postgres finds the first
 * row after the cursor's exact key (any row, so a deleted cursor row or one the filter excludes
 * still anchors), Prisma's own `cursor` starts the page there, compared in Postgres too, and the
 * page's exact keys are read back for its cursors.
 */
export async function prismaKeysetPage<T extends { id: string }>(
  db: RawQuerier,
  list: KeysetList,
  args: PageArgs,
  findMany: (window: KeysetWindow) => Promise<T[]>,
): Promise<Connection<T>> {
  const take = pageSize(args.first);
  const after = decodeKeysetCursor(args.after);
  const field = list.column ?? "createdAt";
  const column = `"${field}"`;
  const dir = list.direction;
  let anchor: string | undefined;
  if (after) {
    const condition = keysetCondition(after, { column, direction: dir, firstParam: 1 });
    const scope = Object.entries(list.scope ?? {});
    const scopeSql = scope.map(([name], i) => ` AND "${name}" = $${3 + i}::uuid`).join("");
    const [next] = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text AS id FROM ${list.table} WHERE ${condition.sql}${scopeSql}
        ORDER BY ${column} ${dir}, id ${dir} LIMIT 1`,
      ...condition.params,
      ...scope.map(([, value]) => value),
    );
    if (!next) return toConnection([], take, () => "");
    anchor = next.id;
  }
  const rows = await findMany({
    orderBy: [{ [field]: dir }, { id: dir }],
    take: take + 1,
    ...(anchor ? { cursor: { id: anchor } } : {}),
  });
  const page = rows.slice(0, take);
  const keys = new Map<string, string>();
  if (page.length > 0) {
    const found = await db.$queryRawUnsafe<{ id: string; key: string }[]>(
      `SELECT id::text AS id, ${sortKeySql(column)} AS key FROM ${list.table} WHERE id = ANY($1::uuid[])`,
      page.map((row) => row.id),
    );
    for (const { id, key } of found) keys.set(id, key);
  }
  return toConnection(rows, take, (row) => keysetCursor({ id: row.id, __sortKey: keys.get(row.id) ?? "0" }));
}
