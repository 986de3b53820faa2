import { activeTraceCarrier, endSpan, SpanKind, startSpanFromCarrier, withActiveSpan } from "@atelier/service-runtime";
import PgBoss from "pg-boss";
import { JobLeases } from "./job-leases";
import { type Job, JobLoop } from "./job-loop";
import { prepareQueues } from "./prepare-schema";

export type { Job } from "./job-loop";

/** Runs SQL in the caller's transaction, so a job is enqueued if and only if the change commits. */
export interface SqlExecutor {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface SendOptions {
  /** At most one queued-or-active job per key (e.g. a run id). */
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  startAfter?: Date | number;
  /** Where a job goes once its retries are exhausted (a queue of this job queue). */
  deadLetter?: string;
  tx?: SqlExecutor;
}

export interface WorkOptions {
  /** Jobs of this queue run at once by this process (default 1). */
  concurrency?: number;
  /** How long an idle worker waits before looking again (default 0.5 s); busy, it never waits. */
  pollingIntervalSeconds?: number;
}

export interface JobQueue {
  start(): Promise<void>;
  send<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Handlers must be idempotent: delivery is at least once. */
  work<T>(queue: string, options: WorkOptions, handler: (job: Job<T>) => Promise<void>): Promise<void>;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export interface JobQueueOptions {
  databaseUrl: string;
  /** Postgres schema for the queue's tables, one per subgraph (e.g. `jobs_workflows`). */
  schema: string;
  queues: string[];
  /** A handler still running after this long is given up and its job failed, to be retried (default 15 min). */
  expireInSeconds?: number;
  /**
   * A running job's lease, renewed every third of it while its worker lives: a dead worker's
   * jobs are handed out again about this long after it died (default 15 s, at most expireInSeconds).
   */
  leaseSeconds?: number;
  onError?: (error: Error) => void;
  /**
   * A role that enqueues inside its own transactions (the row-level-security role of tenant
   * transactions): granted what sending needs on the queue's schema at start.
   */
  enqueueRole?: string;
}

/**
 * A durable Postgres job queue (pg-boss): jobs survive restarts, each is completed as soon as it
 * is done, and a dead worker's jobs run again once their short lease lapses (see job-leases.ts).
 */
export function createJobQueue(opts: JobQueueOptions): JobQueue {
  const expireInSeconds = opts.expireInSeconds ?? 15 * 60;
  const leaseSeconds = Math.min(opts.leaseSeconds ?? 15, expireInSeconds);
  const onError = (error: Error) => opts.onError?.(error);
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    schema: opts.schema,
    max: 4,
    supervise: true,
    schedule: false,
    expireInSeconds: leaseSeconds,
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", onError);
  const leases = new JobLeases(boss, opts.schema, leaseSeconds, onError);
  const loops: { queue: string; loop: JobLoop<unknown> }[] = [];
  return {
    async start() {
      await boss.start();
      await prepareQueues(boss, opts);
    },
    async send(queue, data, options = {}) {
      const { tx, retryDelaySeconds, ...rest } = options;
      const db = tx
        ? {
            executeSql: async (text: string, values: unknown[]) => ({
              rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
            }),
          }
        : undefined;
      const id = await boss.send(queue, withTraceContext(data), {
        retryLimit: 3,
        retryBackoff: true,
        ...rest,
        expireInSeconds: leaseSeconds,
        ...(retryDelaySeconds !== undefined ? { retryDelay: retryDelaySeconds } : {}),
        ...(db ? { db } : {}),
      });
      // Sent outside a transaction, the job is visible now: this process's idle workers take it at once.
      if (!tx && !rest.startAfter) for (const l of loops) if (l.queue === queue) l.loop.poke();
      return id;
    },
    async work<T>(queue: string, options: WorkOptions, handler: (job: Job<T>) => Promise<void>) {
      const loop = new JobLoop<T>(
        boss,
        leases,
        {
          queue,
          concurrency: options.concurrency ?? 1,
          pollingIntervalMs: (options.pollingIntervalSeconds ?? 0.5) * 1000,
          timeLimitMs: expireInSeconds * 1000,
          onError,
        },
        (job) => runTraced(queue, job, handler),
      );
      loops.push({ queue, loop: loop as JobLoop<unknown> });
      await leases.start();
      loop.start();
    },
    async stop({ graceful = true, timeoutMs = 10_000 } = {}) {
      await Promise.all(loops.map((l) => l.loop.stop(graceful ? timeoutMs : 0)));
      leases.stop();
      await boss.stop({ graceful, timeout: timeoutMs, wait: true });
    },
  };
}

/** Where a job keeps the trace context it was sent in (only when tracing is on). */
const TRACE_KEY = "_trace";

function withTraceContext<T extends object>(data: T): T {
  const carrier = activeTraceCarrier();
  return carrier ? { ...data, [TRACE_KEY]: carrier } : data;
}

/** Runs a job's handler in a span continuing the trace of the request that sent it. */
async function runTraced<T>(
  queue: string,
  job: { id: string; data: unknown },
  handler: (job: Job<T>) => Promise<void>,
) {
  const { [TRACE_KEY]: carrier, ...data } = (job.data ?? {}) as Record<string, unknown>;
  if (!carrier) return handler({ id: job.id, data: job.data as T });
  const span = startSpanFromCarrier("job-queue", `job ${queue}`, carrier as Record<string, string>, SpanKind.CONSUMER);
  try {
    await withActiveSpan(span, () => handler({ id: job.id, data: data as T }));
    endSpan(span);
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}
