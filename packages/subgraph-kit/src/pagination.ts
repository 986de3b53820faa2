import { BadUserInputError } from "./errors";

/**
 * Relay-style connections, the one way every list of every subgraph pages. A list is ordered by
 * (sort column, id); its cursor carries that full key: the column as epoch microseconds (the
 * precision Postgres keeps, which a JS Date would cut to milliseconds) and the id. The
 * comparison with the cursor always runs in Postgres, so rows written within one millisecond
 * page exactly, and a cursor stays valid when its row is deleted.
 */

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type SortDirection = "asc" | "desc";

/** A row as the SQL paths select it: `sortKeySql(column) AS "__sortKey"` beside its id. */
export interface KeyedRow {
  id: string;
  __sortKey: string;
}

/** Runs SQL: a Prisma client or transaction, or a plain-pg adapter with the same method. */
export interface RawQuerier {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MICROS = /^-?\d{1,18}$/;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function encodeCursor(parts: string[]): string {
  return Buffer.from(parts.join("|"), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): string[] {
  const parts = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (parts.length !== arity || parts.some((p) => !p)) throw new BadUserInputError("after: not a cursor of this list");
  return parts;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first: must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/** SQL rendering a timestamp column as exact epoch microseconds (text), the cursor's sort key. */
export const sortKeySql = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text`;

/** SQL turning a parameter holding epoch microseconds back into a timestamptz. */
const timestampFromKey = (param: string) => `('epoch'::timestamptz + ${param}::bigint * interval '1 microsecond')`;

export interface KeysetCursor {
  key: string;
  id: string;
}

/** The (sort key, id) an `after` argument carries; null for the first page. */
export function decodeKeysetCursor(after: string | null | undefined): KeysetCursor | null {
  if (!after) return null;
  const [key, id] = decodeCursor(after, 2) as [string, string];
  if (!MICROS.test(key) || !UUID.test(id)) throw new BadUserInputError("after: not a cursor of this list");
  return { key, id };
}

export const keysetCursor = (row: KeyedRow) => encodeCursor([row.__sortKey, row.id]);

/**
 * The SQL condition "after the cursor" for a list ordered by (column, id) in `direction`, its
 * parameters numbered from `firstParam`: `("createdAt", id) > (<cursor key>, <cursor id>)`.
 */
export function keysetCondition(
  cursor: KeysetCursor | null,
  opts: { column: string; idColumn?: string; direction: SortDirection; firstParam: number },
): { sql: string; params: unknown[] } {
  if (!cursor) return { sql: "TRUE", params: [] };
  const op = opts.direction === "asc" ? ">" : "<";
  const key = timestampFromKey(`$${opts.firstParam}`);
  return {
    sql: `(${opts.column}, ${opts.idColumn ?? "id"}) ${op} (${key}, $${opts.firstParam + 1}::uuid)`,
    params: [cursor.key, cursor.id],
  };
}

/** The connection of a page fetched with one row more than `take` (that row says a next page exists). */
export function toConnection<T>(rows: T[], take: number, cursorOf: (row: T) => string): Connection<T> {
  const nodes = rows.slice(0, take);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null } };
}
