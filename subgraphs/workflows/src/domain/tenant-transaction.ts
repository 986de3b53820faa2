import { APP_ROLE, assertTenantId, isConnectionLoss, retryOnceOnConnectionLoss } from "@atelier/db";
import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import type { Db, RawDb } from "../data/db";
import { rawTransaction } from "../data/sql-transaction";
import type { WorkflowServices } from "../services";

/** Stream-event notices a transaction collects; published only after it commits. */
export type Notices = StreamEventNotice[];

/**
 * Runs `fn` in one transaction bound to `tenantId` (row-level security applies), then
 * publishes the stream events it appended. It does what @atelier/db's withTenant does
 * (tenant setting plus `SET LOCAL ROLE`) in one statement instead of two: the worker runs
 * several transactions per run and is bound by round trips.
 */
export async function inTenantTransaction<R>(
  services: Pick<WorkflowServices, "db" | "bus" | "log">,
  tenantId: string,
  fn: (tx: Db, notices: Notices) => Promise<R>,
): Promise<R> {
  assertTenantId(tenantId);
  let notices: Notices = [];
  // A transaction cut off before COMMIT rolled back: it runs once more, with fresh notices.
  const result = await retryOnceOnConnectionLoss((attempt) => {
    notices = [];
    return services.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`;
      const value = await fn(tx, notices);
      attempt.committing = true;
      return value;
    });
  });
  if (notices.length > 0) {
    // Not awaited: the change is committed and its caller need not wait on the bus; a lost
    // publish only delays delivery, as subscribers catch up by sequence.
    publishStreamEvents(services.bus, notices).catch((err) =>
      services.log.warn({ err }, "publishing stream events failed; subscribers will catch up"),
    );
  }
  return result;
}

/**
 * The same, over a plain pg connection for functions that only use raw SQL: one round trip
 * opens the transaction and binds the tenant (the id is checked to be a UUID first).
 */
export async function inRawTenantTransaction<R>(
  services: Pick<WorkflowServices, "sql" | "bus" | "log">,
  tenantId: string,
  fn: (tx: RawDb, notices: Notices) => Promise<R>,
): Promise<R> {
  assertTenantId(tenantId);
  let notices: Notices = [];
  const result = await retryOnceOnConnectionLoss(async (attempt) => {
    notices = [];
    const client = await services.sql.connect();
    let broken: Error | undefined;
    try {
      await client.query(
        `BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true), set_config('role', '${APP_ROLE}', true)`,
      );
      const value = await fn(rawTransaction(client), notices);
      attempt.committing = true;
      await client.query("COMMIT");
      return value;
    } catch (error) {
      if (isConnectionLoss(error)) broken = error as Error;
      else await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      // A lost connection is discarded, never handed to the next transaction.
      client.release(broken);
    }
  });
  if (notices.length > 0) {
    publishStreamEvents(services.bus, notices).catch((err) =>
      services.log.warn({ err }, "publishing stream events failed; subscribers will catch up"),
    );
  }
  return result;
}
