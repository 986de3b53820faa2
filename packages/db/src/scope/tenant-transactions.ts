import type pg from "pg";
import { tenantReader } from "../tenant-read";
import { type TransactionCapable, withTenant } from "../tenant-scope";
import { type SqlTx, withTenantSql } from "../tenant-sql";

/** Whether a scoped transaction only reads or may change rows. */
export type TransactionMode = "read" | "write";

/**
 * How a tenant scope opens its transactions: each opening sets `app.tenant_id` and drops to the
 * row-level-security role for the transaction alone. A scope holds one of these; `scope.using()`
 * swaps it for another (e.g. one-round-trip reads) while keeping the same actor.
 */
export interface TenantTransactions<Db> {
  run<R>(tenantId: string, mode: TransactionMode, fn: (db: Db) => Promise<R>): Promise<R>;
}

/** Transactions on a Prisma client (`withTenant`); the callback gets Prisma's transaction client. */
export function prismaTransactions<Tx>(prisma: unknown): TenantTransactions<Tx> {
  return {
    run: (tenantId, _mode, fn) =>
      // biome-ignore lint/suspicious/noExplicitAny: Prisma's overloaded $transaction does not match the narrow interface
      withTenant(prisma as TransactionCapable<any>, tenantId, fn as any) as Promise<never>,
  };
}

/** Transactions on a plain pg pool (`withTenantSql`): reads run READ ONLY. */
export function sqlTransactions(pool: pg.Pool): TenantTransactions<SqlTx> {
  return { run: (tenantId, mode, fn) => withTenantSql(pool, tenantId, fn, { readOnly: mode === "read" }) };
}

/**
 * Reads where each statement is its own read-only tenant transaction sent in one round trip
 * (`tenantReader`): for per-request loaders, whose batches are single statements. Refuses writes.
 */
export function oneRoundTripReads(pool: pg.Pool): TenantTransactions<SqlTx> {
  return {
    run(tenantId, mode, fn) {
      if (mode !== "read") throw new Error("oneRoundTripReads: this transaction kind only reads");
      return fn(tenantReader(pool, tenantId));
    },
  };
}
