import { BadUserInputError } from "./errors";

// Relay-style connections over Prisma, ordered stably by (createdAt, id), shared by the subgraphs.

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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

/**
 * Prisma cursor arguments for a list ordered by (createdAt, id); one extra row is fetched
 * to learn whether another page follows.
 */
export function prismaPage(args: PageArgs) {
  const take = pageSize(args.first);
  const cursorId = args.after ? decodeCursor(args.after, 1)[0]! : null;
  if (cursorId && !UUID.test(cursorId)) throw new BadUserInputError("after: not a cursor of this list");
  return { take, query: { take: take + 1, ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}) } };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function toConnection<T>(rows: T[], take: number, cursorOf: (row: T) => string): Connection<T> {
  const nodes = rows.slice(0, take);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null } };
}

export const idCursor = (row: { id: string }) => encodeCursor([row.id]);

export const STABLE_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];
export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];
