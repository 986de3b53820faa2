import pg from "pg";
import { retryOnceOnConnectionLoss } from "./connection-loss";
import { APP_ROLE, assertTenantId } from "./tenant-scope";
import { inTransactionClient, type SqlTx } from "./tenant-sql";

function arrayLiteral(items: readonly unknown[]): string {
  const element = (item: unknown): string =>
    item === null || item === undefined
      ? "NULL"
      : Array.isArray(item)
        ? arrayLiteral(item)
        : `"${textOf(item).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `{${items.map(element).join(",")}}`;
}

function textOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) throw new Error("readInTenantSql: no binary parameters");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A value as a quoted SQL literal, serialised as pg sends parameters (arrays, dates, JSON). */
function literalOf(value: unknown): string {
  return value === null || value === undefined ? "NULL" : pg.escapeLiteral(textOf(value));
}

/** `$n` placeholders replaced by their values as quoted literals (their casts stay as written). */
export function inlineParameters(text: string, values: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= values.length) throw new Error(`readInTenantSql: no value for $${n}`);
    return literalOf(values[index]);
  });
}

/**
 * One read-only statement in its own tenant-bound transaction (`app.tenant_id` and the
 * row-level-security role set for it alone, as in withTenantSql) in ONE round trip: BEGIN, the
 * settings, the statement and COMMIT travel as one simple-protocol message, so the values are
 * inlined as escaped literals. For the hot nested-list loaders, where three round trips per
 * batch (open, query, commit) were most of the request's wall time. Runs once more after a
 * lost connection (it only reads).
 */
export async function readInTenantSql<T>(
  pool: pg.Pool,
  tenantId: string,
  text: string,
  values: readonly unknown[] = [],
): Promise<T[]> {
  return (await sendInTenant(pool, tenantId, [{ text, values }]))[0]!.rows as T[];
}

export interface SqlStatement {
  text: string;
  values: readonly unknown[];
}

/** Like readInTenantSql, several statements in the same transaction (one snapshot), still one round trip. */
export async function readManyInTenantSql(
  pool: pg.Pool,
  tenantId: string,
  statements: readonly SqlStatement[],
): Promise<Record<string, unknown>[][]> {
  return (await sendInTenant(pool, tenantId, statements)).map((result) => result.rows);
}

async function sendInTenant(
  pool: pg.Pool,
  tenantId: string,
  statements: readonly SqlStatement[],
): Promise<pg.QueryResult[]> {
  assertTenantId(tenantId);
  const inlined = statements.map(({ text, values }) => {
    if (text.includes(";")) throw new Error("readInTenantSql: one statement only");
    return inlineParameters(text, values);
  });
  const message = `BEGIN READ ONLY; SELECT set_config('app.tenant_id', '${tenantId}', true), set_config('role', '${APP_ROLE}', true); ${inlined.join("; ")}; COMMIT`;
  return retryOnceOnConnectionLoss(
    () =>
      inTransactionClient(pool, async (client) => {
        const results = (await client.query(message)) as unknown as pg.QueryResult[];
        return results.slice(2, 2 + statements.length);
      }),
    { readOnly: true },
  );
}

/**
 * A SqlTx whose every statement is its own one-round-trip read-only tenant transaction
 * (readInTenantSql): a write fails in Postgres as in any read-only transaction.
 */
export function tenantReader(pool: pg.Pool, tenantId: string): SqlTx {
  const execute = async (query: string, values: unknown[]) =>
    (await sendInTenant(pool, tenantId, [{ text: query, values }]))[0]!.rowCount ?? 0;
  return {
    $executeRaw: (strings: TemplateStringsArray, ...values: unknown[]) =>
      execute(
        strings.reduce((sql, part, i) => (i === 0 ? part : `${sql}$${i}${part}`), ""),
        values,
      ),
    $executeRawUnsafe: (query: string, ...values: unknown[]) => execute(query, values),
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) =>
      readInTenantSql(pool, tenantId, query, values) as Promise<T>,
  };
}
