import {
  createTenantScope,
  oneRoundTripReads,
  prismaTransactions,
  type ScopedTx,
  type ScopedWriteTx,
  type SqlTx,
  sqlTransactions,
  type TenantScope,
} from "@atelier/db";
import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import type { Actor } from "@atelier/subgraph-kit";
import type { Db } from "./data/db";
import type { WorkflowServices } from "./services";

/** A read in a tenant scope: Prisma's transaction client, bound to the tenant under RLS. */
export type ReadTx = ScopedTx<Db>;
/** A write in a tenant scope: audit rows and stream-event notices are handled at commit. */
export type WriteTx = ScopedWriteTx<Db, StreamEventNotice>;
/** A write over a plain pg connection: the hot paths (starting and advancing runs) speak only SQL. */
export type SqlWriteTx = ScopedWriteTx<SqlTx, StreamEventNotice>;

/**
 * The tenant scope of workflows: Prisma transactions by default, plain-SQL ones through `sql`
 * (same actor, same publisher), and the process's services for what the domain reaches outside
 * the database (the job queue, the gateway, step types).
 */
export interface WorkflowScope extends TenantScope<Db, StreamEventNotice, Actor> {
  readonly sql: TenantScope<SqlTx, StreamEventNotice, Actor>;
  /** Reads of one statement each, in one round trip (loaders, catch-up reads). */
  readonly reads: TenantScope<SqlTx, StreamEventNotice, Actor>;
  readonly services: WorkflowServices;
}

/** Builds the scope of `actor`: stream events a write appends are published after its commit. */
export function createWorkflowScope(services: WorkflowServices, actor: Actor): WorkflowScope {
  const scope = createTenantScope<Db, StreamEventNotice, Actor>({
    transactions: prismaTransactions<Db>(services.db),
    actor,
    publish: (notices) => publishStreamEvents(services.bus, notices),
    onEffectError: (err) => services.log.warn({ err }, "publishing stream events failed; subscribers will catch up"),
  });
  return {
    ...scope,
    sql: scope.using(sqlTransactions(services.sql)),
    reads: scope.using(oneRoundTripReads(services.readSql)),
    services,
  };
}
