import type { RawExecutor } from "@atelier/db";

/** The event-bus channel on which every subgraph announces appended stream events. */
export const STREAM_EVENTS_CHANNEL = "atelier_events";

/**
 * What goes over the bus after commit: which subscription topics have news. Topics are
 * `<subscriptionField>:<key>` (e.g. `workflowRunUpdated:<runId>`); subscribers re-read
 * through their catch-up query, so the notice carries no row data.
 */
export interface StreamEventNotice {
  tenantId: string;
  topics: string[];
  streamId: string;
  sequence: number;
}

export interface AppendStreamEventInput {
  /** The subgraph's Postgres schema holding its `stream_events` table. */
  schema: string;
  streamId: string;
  tenantId: string;
  type: string;
  payload: Record<string, unknown>;
  topics: string[];
  /**
   * The feed (a topic gathering many streams, e.g. a workspace's runs) this event also belongs
   * to: its position there is assigned when the transaction commits, gap-free in commit order.
   */
  feed?: string;
}

type Queryable = RawExecutor & {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
};

const SCHEMA = /^[a-z_][a-z0-9_]*$/;

/**
 * Appends an event to a stream with the stream's next sequence (1, 2, 3 … with no gaps),
 * inside the caller's transaction, so the event exists if and only if the change does.
 * Publish the returned notice on the event bus after the transaction commits.
 */
export async function appendStreamEvent(tx: Queryable, input: AppendStreamEventInput): Promise<StreamEventNotice> {
  if (!SCHEMA.test(input.schema)) throw new Error(`invalid schema name: ${input.schema}`);
  // Serialises writers of one stream so sequences never collide or skip.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${input.streamId}, 0))`;
  // Only schemas with feeds have the column (see the feed_sequences migrations).
  const feedColumn = input.feed === undefined ? "" : ", feed";
  const feedValue = input.feed === undefined ? "" : ", $6";
  const values: unknown[] = [input.streamId, input.tenantId, input.type, JSON.stringify(input.payload), input.topics];
  if (input.feed !== undefined) values.push(input.feed);
  const rows = await tx.$queryRawUnsafe<{ sequence: number }[]>(
    `INSERT INTO "${input.schema}".stream_events (stream_id, sequence, tenant_id, type, payload, topics${feedColumn})
     SELECT $1, COALESCE(MAX(sequence), 0) + 1, $2::uuid, $3, $4::jsonb, $5::text[]${feedValue}
       FROM "${input.schema}".stream_events WHERE stream_id = $1
     RETURNING sequence`,
    ...values,
  );
  const sequence = Number(rows[0]?.sequence);
  return { tenantId: input.tenantId, topics: input.topics, streamId: input.streamId, sequence };
}
