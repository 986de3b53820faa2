import type pg from "pg";
import type { RawDb } from "./db";

function toQuery(strings: TemplateStringsArray, values: unknown[]): [string, unknown[]] {
  let text = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) text += `$${i + 1}${strings[i + 1] ?? ""}`;
  return [text, values];
}

/**
 * A pg client in a transaction, seen through Prisma's raw-SQL methods: the hot paths (starting
 * a run, advancing it) speak only raw SQL, and skipping Prisma's query engine there saves most
 * of their CPU time.
 */
export function rawTransaction(client: pg.PoolClient): RawDb {
  const rows = async (text: string, values: unknown[]) => (await client.query(text, values)).rows;
  const count = async (text: string, values: unknown[]) => (await client.query(text, values)).rowCount ?? 0;
  const raw = {
    $queryRaw: (strings: TemplateStringsArray, ...values: unknown[]) => rows(...toQuery(strings, values)),
    $queryRawUnsafe: (text: string, ...values: unknown[]) => rows(text, values),
    $executeRaw: (strings: TemplateStringsArray, ...values: unknown[]) => count(...toQuery(strings, values)),
    $executeRawUnsafe: (text: string, ...values: unknown[]) => count(text, values),
  };
  return raw as unknown as RawDb;
}
