import type { ScopedTx, ScopedWriteTx } from "@atelier/db";
import { appendStreamEvent, type StreamEventNotice } from "@atelier/live-events";
import { BadUserInputError, NotFoundError } from "@atelier/subgraph-kit";
import { type PendingRunEvent, runTopic, STREAM_SCHEMA, workspaceTopic } from "../engine/run-events";
import type { RawDb } from "./db";

/** A stream event as the GraphQL layer sees it; `sequence` is per run, or the feed position for feeds. */
export interface RunEventRow {
  sequence: number;
  type: string;
  status: string;
  stepKey: string | null;
  at: Date;
  runId: string;
}

interface RunRef {
  id: string;
  workspaceId: string;
}

const MAX_EVENTS = 500;

function limit(first: number | null | undefined): number {
  const n = first ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > MAX_EVENTS)
    throw new BadUserInputError(`first: must be between 1 and ${MAX_EVENTS}`);
  return n;
}

function toRow(event: { type: string; payload: unknown; createdAt: Date; streamId: string }, sequence: number) {
  const payload = (event.payload ?? {}) as { status?: string; stepKey?: string | null };
  return {
    sequence,
    type: event.type,
    status: payload.status ?? "QUEUED",
    stepKey: payload.stepKey ?? null,
    at: event.createdAt,
    runId: event.streamId,
  } satisfies RunEventRow;
}

/**
 * A run's event stream (gap-free sequence per run) and its workspace's feed. Appending queues the
 * event's notice on the transaction: the scope publishes it after commit.
 */
export function createRunEventStore(tx: ScopedWriteTx<RawDb, StreamEventNotice>) {
  return {
    /** The topics an event of `run` is published on. */
    topicsOf: (run: RunRef) => [runTopic(run.id), workspaceTopic(run.workspaceId)],
    async append(run: RunRef, event: PendingRunEvent): Promise<void> {
      const notice = await appendStreamEvent(tx.db, {
        schema: STREAM_SCHEMA,
        streamId: run.id,
        tenantId: tx.tenantId,
        type: event.type,
        payload: { status: event.status, stepKey: event.stepKey ?? null },
        topics: [runTopic(run.id), workspaceTopic(run.workspaceId)],
        feed: workspaceTopic(run.workspaceId),
      });
      tx.publish(notice);
    },
  };
}

const EVENT_COLUMNS = `type, payload, created_at AS "createdAt", stream_id AS "streamId", sequence, feed_sequence AS "feedSequence"`;

interface EventRow {
  type: string;
  payload: unknown;
  createdAt: Date;
  streamId: string;
  sequence: number;
  feedSequence: number | null;
}

/**
 * Reads of the event streams, for the catch-up queries: plain SQL, one statement each, so they
 * run on one-round-trip reads (subscribers catching up after a fault all read at once).
 */
export function createRunEventReader({ db, tenantId }: ScopedTx<RawDb>) {
  return {
    /** A run's events after `afterSequence`, in order; NOT_FOUND for another tenant's run. */
    async after(runId: string, afterSequence: number, first?: number | null): Promise<RunEventRow[]> {
      const run = await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM workflows."WorkflowRun" WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
        runId,
        tenantId,
      );
      if (run.length === 0) throw new NotFoundError("No such workflow run.");
      const events = await db.$queryRawUnsafe<EventRow[]>(
        `SELECT ${EVENT_COLUMNS} FROM workflows.stream_events
          WHERE tenant_id = $1::uuid AND stream_id = $2 AND sequence > $3 ORDER BY sequence LIMIT $4`,
        tenantId,
        runId,
        afterSequence,
        limit(first),
      );
      return events.map((e) => toRow(e, e.sequence));
    },
    /** A workspace's run events after a feed position, in commit order (the position is assigned at commit). */
    async feedAfter(workspaceId: string, afterSequence: number, first?: number | null): Promise<RunEventRow[]> {
      const events = await db.$queryRawUnsafe<EventRow[]>(
        `SELECT ${EVENT_COLUMNS} FROM workflows.stream_events
          WHERE tenant_id = $1::uuid AND feed = $2 AND feed_sequence > $3 ORDER BY feed_sequence LIMIT $4`,
        tenantId,
        workspaceTopic(workspaceId),
        afterSequence,
        limit(first),
      );
      return events.map((e) => toRow(e, e.feedSequence ?? 0));
    },
  };
}
