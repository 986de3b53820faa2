import { gauge } from "./metrics";

/** Runs one read-only statement on the service's own pool. */
export type QueryRows = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

interface QueueRow {
  schema: string;
  queue: string;
  waiting: number;
  oldestSeconds: number;
}

const sources = new Map<string, QueryRows>();
let reading: Promise<QueueRow[]> | undefined;

async function readSource(schema: string, query: QueryRows): Promise<QueueRow[]> {
  try {
    const { rows } = await query(
      `SELECT name, count(*)::int AS waiting,
              coalesce(extract(epoch FROM now() - min(created_on)), 0)::float AS oldest_seconds
         FROM ${schema}.job WHERE state IN ('created', 'retry') AND start_after <= now() GROUP BY name`,
    );
    return rows.map((r) => ({
      schema,
      queue: String(r.name),
      waiting: Number(r.waiting),
      oldestSeconds: Number(r.oldest_seconds),
    }));
  } catch {
    return [];
  }
}

/** One read per scrape, shared by both gauges. */
function readAll(): Promise<QueueRow[]> {
  reading ??= Promise.all([...sources].map(([schema, query]) => readSource(schema, query)))
    .then((lists) => lists.flat())
    .finally(() => setTimeout(() => (reading = undefined), 1_000).unref());
  return reading;
}

/**
 * Queue depth (jobs ready and waiting, by queue) and the age of the oldest, read from a pg-boss
 * schema when Prometheus scrapes: no request pays for it.
 */
export function collectJobQueueMetrics(schema: string, query: QueryRows): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid job schema: ${schema}`);
  sources.set(schema, query);
  gauge("atelier_job_queue_depth", "Jobs ready to run and waiting, by queue", ["schema", "queue"], async function () {
    this.reset();
    for (const row of await readAll()) this.set({ schema: row.schema, queue: row.queue }, row.waiting);
  });
  gauge(
    "atelier_job_queue_oldest_age_seconds",
    "Age of the oldest job ready and waiting, by queue",
    ["schema", "queue"],
    async function () {
      this.reset();
      for (const row of await readAll()) this.set({ schema: row.schema, queue: row.queue }, row.oldestSeconds);
    },
  );
}
