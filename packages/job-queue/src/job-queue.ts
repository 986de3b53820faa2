import { activeTraceCarrier, endSpan, SpanKind, startSpanFromCarrier, withActiveSpan } from "@atelier/service-runtime";
import PgBoss from "pg-boss";
import { prepareQueues } from "./prepare-schema";

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
  /** A job active longer than this is presumed lost with its worker and handed out again. */
  expireInSeconds?: number;
  startAfter?: Date | number;
  /** Where a job goes once its retries are exhausted (a queue of this job queue). */
  deadLetter?: string;
  tx?: SqlExecutor;
}

export interface Job<T> {
  id: string;
  data: T;
}

export interface WorkOptions {
  batchSize?: number;
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
  expireInSeconds?: number;
  onError?: (error: Error) => void;
  /**
   * A role that enqueues inside its own transactions (the row-level-security role of tenant
   * transactions): granted what sending needs on the queue's schema at start.
   */
  enqueueRole?: string;
}

/** A durable Postgres job queue (pg-boss): jobs survive restarts; a crashed worker's job runs again. */
export function createJobQueue(opts: JobQueueOptions): JobQueue {
  const expireInSeconds = opts.expireInSeconds ?? 15 * 60;
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    schema: opts.schema,
    max: 4,
    supervise: true,
    schedule: false,
    expireInSeconds,
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", (error) => opts.onError?.(error));
  return {
    async start() {
      await boss.start();
      await prepareQueues(boss, opts);
    },
    send(queue, data, options = {}) {
      const { tx, retryDelaySeconds, ...rest } = options;
      const db = tx
        ? {
            executeSql: async (text: string, values: unknown[]) => ({
              rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
            }),
          }
        : undefined;
      return boss.send(queue, withTraceContext(data), {
        retryLimit: 3,
        retryBackoff: true,
        expireInSeconds,
        ...rest,
        ...(retryDelaySeconds !== undefined ? { retryDelay: retryDelaySeconds } : {}),
        ...(db ? { db } : {}),
      });
    },
    async work(queue, options, handler) {
      await boss.work(
        queue,
        { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
        async (jobs) => {
          for (const job of jobs) await runTraced(queue, job, handler);
        },
      );
    },
    stop({ graceful = true, timeoutMs = 10_000 } = {}) {
      return boss.stop({ graceful, timeout: timeoutMs, wait: true });
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
