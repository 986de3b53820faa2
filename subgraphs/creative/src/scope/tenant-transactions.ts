import {
  oneRoundTripReads,
  readManyInTenantSql,
  type SqlStatement,
  type SqlTx,
  type TenantTransactions,
  type TransactionCapable,
  withTenant,
} from "@atelier/db";
import { RateLimitedError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";
import type { PrismaClient } from "../generated/prisma/client";

/** Several read statements in one read-only tenant transaction, sent in one round trip. */
export type ReadMany = (statements: readonly SqlStatement[]) => Promise<Record<string, unknown>[][]>;

// A request waits this long for a pooled connection before it is told the service is busy.
const PRISMA_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };
/** What pg-pool throws when no connection came free within connectionTimeoutMillis. */
const POOL_TIMEOUT = "timeout exceeded when trying to connect";

/** No pooled connection came free in time (Prisma's P2028, pg-pool's timeout): RATE_LIMITED, retry shortly. */
async function busyWhenNoConnection<R>(work: Promise<R>): Promise<R> {
  try {
    return await work;
  } catch (error) {
    if ((error as { code?: string }).code === "P2028" || (error as Error).message === POOL_TIMEOUT) {
      throw new RateLimitedError("The service is busy: no database connection came free in time. Retry shortly.", 1);
    }
    throw error;
  }
}

/** @atelier/db `prismaTransactions` with creative's waits (10 s for a connection, 20 s per transaction). */
export function creativePrismaTransactions(db: PrismaClient): TenantTransactions<Db> {
  const patient: TransactionCapable<Db> = {
    $transaction: (fn) => db.$transaction(fn, PRISMA_TRANSACTION_OPTIONS),
  };
  return { run: (tenantId, _mode, fn) => busyWhenNoConnection(withTenant(patient, tenantId, fn)) };
}

/** @atelier/db `oneRoundTripReads` (the loaders' path), RATE_LIMITED when the pool has no connection free. */
export function loaderReads(pool: import("pg").Pool): TenantTransactions<SqlTx> {
  const reads = oneRoundTripReads(pool);
  return { run: (tenantId, mode, fn) => busyWhenNoConnection(reads.run(tenantId, mode, fn)) };
}

/**
 * Reads of several statements in one transaction and one round trip (`readManyInTenantSql`) in
 * the scope's tenant. A local adapter: @atelier/db has no scope transaction kind for it yet.
 */
export function manyStatementReads(pool: import("pg").Pool): TenantTransactions<ReadMany> {
  return {
    run(tenantId, mode, fn) {
      if (mode !== "read") throw new Error("manyStatementReads: this transaction kind only reads");
      return busyWhenNoConnection(fn((statements) => readManyInTenantSql(pool, tenantId, statements)));
    },
  };
}
