import type pg from "pg";
import { isConnectionLoss, retryOnceOnConnectionLoss } from "./connection-loss";
import { APP_ROLE, assertTenantId, type RawExecutor } from "./tenant-scope";

/** The raw-SQL surface a Prisma transaction and `withTenantSql` both offer, so data functions run on either. */
export interface SqlTx extends RawExecutor {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

function executorOf(client: pg.PoolClient): SqlTx {
  return {
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const text = strings.reduce((sql, part, i) => (i === 0 ? part : `${sql}$${i}${part}`), "");
      return (await client.query(text, values)).rowCount ?? 0;
    },
    async $executeRawUnsafe(query: string, ...values: unknown[]) {
      return (await client.query(query, values)).rowCount ?? 0;
    },
    async $queryRawUnsafe<T>(query: string, ...values: unknown[]) {
      return (await client.query(query, values)).rows as T;
    },
  };
}

/**
 * `withTenant` on a plain pg pool: one transaction with the tenant set and the RLS role assumed,
 * opened in one round trip. For hot paths: Prisma's driver adapter runs every parameter through
 * its query compiler (and turns bytea into arrays of numbers), which for search and bulk writes
 * costs more than the database work. A transaction whose connection was lost before COMMIT
 * (or a read-only one) runs once more on a fresh connection; `fn` must touch only the database.
 */
export async function withTenantSql<R>(
  pool: pg.Pool,
  tenantId: string,
  fn: (tx: SqlTx) => Promise<R>,
  options: { readOnly?: boolean } = {},
): Promise<R> {
  assertTenantId(tenantId);
  return retryOnceOnConnectionLoss(async (attempt) => {
    return inTransactionClient(pool, async (client) => {
      // A checked UUID may be inlined: a simple-protocol query can hold all three statements.
      await client.query(
        `BEGIN${options.readOnly ? " READ ONLY" : ""}; SELECT set_config('app.tenant_id', '${tenantId}', true), set_config('role', '${APP_ROLE}', true)`,
      );
      const result = await fn(executorOf(client));
      attempt.committing = true;
      await client.query("COMMIT");
      return result;
    });
  }, options);
}

/**
 * Runs `fn` on a pooled client that `fn` opens a transaction on. On failure the transaction is
 * rolled back; a connection that is lost or could not roll back is discarded, not handed to the
 * next caller.
 */
export async function inTransactionClient<R>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<R>): Promise<R> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (error) {
    if (isConnectionLoss(error)) broken = error as Error;
    else {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
