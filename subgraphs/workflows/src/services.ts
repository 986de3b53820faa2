import { createPrismaClient, createResilientPool } from "@atelier/db";
import { createEventBus, type EventBus } from "@atelier/event-bus";
import { createWorkspaceReferences, gatewayClientFrom, type WorkspaceReferences } from "@atelier/gateway-client";
import { createJobQueue, type JobQueue } from "@atelier/job-queue";
import type { Logger } from "@atelier/logging";
import type pg from "pg";
import type { WorkflowsConfig } from "./config";
import { JOB_SCHEMA, RUN_DEAD_QUEUE, RUN_QUEUE } from "./engine/enqueue-run";
import { PrismaClient } from "./generated/prisma/client";
import type { StepEnvironment } from "./steps/step-type";

/** Process-wide collaborators, built once at boot. */
export interface WorkflowServices {
  db: PrismaClient;
  /** Plain pg pool for the raw-SQL hot paths (starting and advancing runs). */
  sql: pg.Pool;
  /**
   * A pool of its own for one-round-trip reads (loaders, catch-up reads): every live subscriber
   * re-reads after each event, and on the writers' pool those reads queued run commits behind
   * them (feed latency p50 63 -> 126 ms, max 166 -> 600 ms under the fault suite's load).
   */
  readSql: pg.Pool;
  queue: JobQueue;
  bus: EventBus;
  config: WorkflowsConfig;
  log: Logger;
  stepEnv: StepEnvironment;
  /** Whether a workspace id names one the actor sees in creative; null without gateway credentials (unchecked). */
  workspaceReferences: WorkspaceReferences | null;
}

export interface ServiceDeps {
  bus?: EventBus;
}

/** Connects the database, the job queue and the event bus; `close` releases them all. */
export async function createWorkflowServices(config: WorkflowsConfig, log: Logger, deps: ServiceDeps = {}) {
  let closing = false;
  // A connection the server drops is discarded and replaced; never fatal (failover, pooler restart).
  const onConnectionError = (err: Error) => (closing ? undefined : log.warn({ err }, "database connection lost"));
  const db = createPrismaClient(PrismaClient, {
    databaseUrl: config.databaseUrl,
    poolMax: config.databasePoolMax,
    onConnectionError,
  });
  const queue = createJobQueue({
    databaseUrl: config.databaseUrl,
    schema: JOB_SCHEMA,
    queues: [RUN_DEAD_QUEUE, RUN_QUEUE],
    expireInSeconds: config.worker.jobExpireSeconds,
    // Runs are enqueued inside tenant transactions, which act as the row-level-security role.
    enqueueRole: "atelier_app",
    // pg-boss reports its connections ending while it shuts down: not worth an error then.
    onError: (err) => (closing ? undefined : log.error({ err }, "job queue error")),
  });
  await queue.start();
  const sql = createResilientPool(
    { connectionString: config.databaseUrl, max: config.databasePoolMax },
    onConnectionError,
  );
  const readSql = createResilientPool(
    { connectionString: config.databaseUrl, max: config.databasePoolMax },
    onConnectionError,
  );
  const ownsBus = !deps.bus;
  const bus =
    deps.bus ??
    createEventBus({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }, (err) =>
      log.error({ err }, "event bus error"),
    );
  const gateway = gatewayClientFrom("workflows", config.gateway);
  const stepEnv: StepEnvironment = {
    httpAllowedHosts: config.httpStep.allowedHosts,
    gateway,
    gatewayPollSeconds: config.gateway.pollSeconds,
  };
  const workspaceReferences = gateway ? createWorkspaceReferences(gateway) : null;
  const services: WorkflowServices = { db, sql, readSql, queue, bus, config, log, stepEnv, workspaceReferences };
  return {
    services,
    /** With `drainTimeoutMs`, running steps finish within it first (a process shutting down). */
    async close(opts: { drainTimeoutMs?: number } = {}) {
      closing = true;
      await queue.stop(
        opts.drainTimeoutMs
          ? { graceful: true, timeoutMs: opts.drainTimeoutMs }
          : { graceful: false, timeoutMs: 2_000 },
      );
      if (ownsBus) await bus.close();
      await sql.end();
      await readSql.end();
      await db.$disconnect();
    },
  };
}
