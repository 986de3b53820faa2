import pg from "pg";

// SQLSTATEs for a connection the server ended or refused: class 08 (connection exception),
// 57P01 admin_shutdown (pg_terminate_backend, failover), 57P02 crash_shutdown, 57P03 cannot_connect_now.
const LOST_CODES = /^(08...|57P0[123])$/;
const LOST_MESSAGES =
  /Connection terminated|terminating connection|connection error and is not queryable|Client was closed|ECONNRESET|ECONNREFUSED|EPIPE|Server has closed the connection|Can't reach database server/i;

// Prisma's driver-adapter error kinds for a socket the server closed or could not be reached on.
const LOST_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable"]);

/**
 * Whether an error means the database connection was lost (so the statement may never have
 * run), as pg, Prisma's driver adapter or Prisma itself reports it, through any `cause` chain.
 * Prisma wraps the adapter's error (`{ kind, originalCode }` in its `cause`) in `meta.driverAdapterError`,
 * under a message such as "Raw query failed. Code: `N/A`" that names no loss.
 */
export function isConnectionLoss(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof e.code === "string" && (LOST_CODES.test(e.code) || e.code === "P1017" || e.code === "P1001")) return true;
  if (typeof e.originalCode === "string" && LOST_CODES.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && LOST_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && LOST_MESSAGES.test(e.message)) return true;
  return isConnectionLoss(e.meta?.driverAdapterError, depth + 1) || isConnectionLoss(e.cause, depth + 1);
}

/**
 * A pg pool that never crashes its process when the server drops a connection: idle clients
 * report through the pool's `error`, and every client, checked out or not, has its own listener
 * (pg-pool removes its listener while a client is checked out, and an `error` event with no
 * listener ends the process). A client that lost its connection is discarded on release.
 */
export function guardPool(pool: pg.Pool, onError: (error: Error) => void): pg.Pool {
  pool.on("error", onError);
  pool.on("connect", (client) => {
    client.on("error", onError);
  });
  return pool;
}

export interface ResilientPoolOptions {
  connectionString: string;
  max?: number;
  idleTimeoutMillis?: number;
  connectionTimeoutMillis?: number;
}

/** A guarded pg pool (see guardPool). */
export function createResilientPool(opts: ResilientPoolOptions, onError: (error: Error) => void): pg.Pool {
  return guardPool(new pg.Pool(opts), onError);
}

/** Tracks whether COMMIT was sent: after that, a lost connection leaves the outcome unknown. */
export interface TransactionAttempt {
  committing: boolean;
}

/**
 * Runs a transaction and, when its connection was lost before COMMIT was sent (the server rolled
 * it back: nothing happened) or it only read, runs it once more on a fresh connection. A loss
 * during COMMIT is thrown as is: the caller reports it as retryable, never retries blindly.
 */
export async function retryOnceOnConnectionLoss<R>(
  attempt: (state: TransactionAttempt) => Promise<R>,
  options: { readOnly?: boolean } = {},
): Promise<R> {
  const first: TransactionAttempt = { committing: false };
  try {
    return await attempt(first);
  } catch (error) {
    if (!isConnectionLoss(error) || (first.committing && !options.readOnly)) throw error;
    return attempt({ committing: false });
  }
}
