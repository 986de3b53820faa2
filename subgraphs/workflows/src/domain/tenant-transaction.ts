import { APP_ROLE, assertTenantId } from "@atelier/db";
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
  const notices: Notices = [];
  assertTenantId(tenantId);
  const result = await services.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`;
    return fn(tx, notices);
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
  const notices: Notices = [];
  const client = await services.sql.connect();
  let result: R;
  try {
    await client.query(
      `BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true), set_config('role', '${APP_ROLE}', true)`,
    );
    result = await fn(rawTransaction(client), notices);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  if (notices.length > 0) {
    publishStreamEvents(services.bus, notices).catch((err) =>
      services.log.warn({ err }, "publishing stream events failed; subscribers will catch up"),
    );
  }
  return result;
}
