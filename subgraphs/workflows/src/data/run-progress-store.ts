import type { ScopedWriteTx } from "@atelier/db";
import type { StreamEventNotice } from "@atelier/live-events";
import { runTopic, workspaceTopic } from "../engine/run-events";
import type { ProgressWrite, RunRow, StepWithRun } from "../engine/run-progress";
import type { WorkflowRun } from "../generated/prisma/client";
import type { RawDb } from "./db";

export interface NewRun {
  workflow: { id: string; workspaceId: string };
  input: unknown;
  /** The user who started the run (directly or by moving a card): the run's gateway calls act as them. */
  startedById: string | null;
  idempotencyKey?: string | null;
  filesUsed?: unknown;
  triggerCardId?: string | null;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

// The run and the first event of its brand-new stream (sequence 1: no one else can know the
// id before commit) in one statement.
const INSERT_RUN = `
WITH run AS (
  INSERT INTO workflows."WorkflowRun"
    (id, "tenantId", "workspaceId", "workflowId", input, "idempotencyKey", "filesUsed", "startedById", "triggerCardId", "updatedAt")
  VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::jsonb, $6, $7::jsonb, $8::uuid, $9::uuid, now())
  RETURNING *
), event AS (
  INSERT INTO workflows.stream_events (stream_id, sequence, tenant_id, type, payload, topics, feed)
  SELECT id::text, 1, "tenantId", 'QUEUED', '{"status":"QUEUED","stepKey":null}'::jsonb, $10::text[], $11 FROM run
  RETURNING 1
)
SELECT id, "tenantId", "workspaceId", "workflowId", status::text AS status, input, output, error, "currentStep",
       "retryCount", "idempotencyKey", "startedById", "triggerCardId", "filesUsed", "createdAt", "startedAt",
       "finishedAt", "durationMs", "updatedAt"
  FROM run`;

// One statement for everything a stretch of steps changed: the worker's hot path is bound by
// round trips. The caller holds the run's row lock and its stream's advisory lock (lock), so
// the events' numbering cannot race.
const RECORD_PROGRESS = `
WITH step_rows AS (
  INSERT INTO workflows."StepRun"
    (id, "tenantId", "runId", "stepId", position, "stepKey", type, status, input, output, error, attempts,
     "startedAt", "finishedAt", "durationMs")
  SELECT gen_random_uuid(), $1::uuid, $2::uuid, r."stepId"::uuid, r.position, r."stepKey",
         r.type::workflows."StepType", r.status::workflows."StepRunStatus", r.input::jsonb, r.output::jsonb, r.error,
         r.attempts, r."startedAt"::timestamptz, r."finishedAt"::timestamptz,
         (extract(epoch FROM r."finishedAt"::timestamptz - r."startedAt"::timestamptz) * 1000)::int
    FROM jsonb_to_recordset($3::jsonb) AS r("stepId" text, position int, "stepKey" text, type text, status text,
         input text, output text, error text, attempts int, "startedAt" text, "finishedAt" text)
  ON CONFLICT ("runId", position) DO UPDATE SET
    status = EXCLUDED.status, input = EXCLUDED.input, output = EXCLUDED.output, error = EXCLUDED.error,
    attempts = EXCLUDED.attempts, "startedAt" = EXCLUDED."startedAt", "finishedAt" = EXCLUDED."finishedAt",
    "durationMs" = EXCLUDED."durationMs"
  RETURNING 1
), run_row AS (
  UPDATE workflows."WorkflowRun"
     SET status = $4::workflows."RunStatus", "currentStep" = $5, "startedAt" = $6::timestamptz,
         output = COALESCE($7::jsonb, output), error = $8, "finishedAt" = $9::timestamptz,
         "durationMs" = (extract(epoch FROM $9::timestamptz - $6::timestamptz) * 1000)::int, "updatedAt" = now()
   WHERE id = $2::uuid
  RETURNING 1
), log_rows AS (
  INSERT INTO workflows."RunLog" ("tenantId", "runId", level, message, data)
  SELECT $1::uuid, $2::uuid, l.level, l.message, l.data FROM jsonb_to_recordset($10::jsonb) AS l(level text, message text, data jsonb)
  RETURNING 1
)
INSERT INTO workflows.stream_events (stream_id, sequence, tenant_id, type, payload, topics, feed)
SELECT $13::text, base.last + e.ord, $1::uuid, e.value->>'type', e.value->'payload', $11::text[], $14::text
  FROM (SELECT COALESCE(MAX(sequence), 0) AS last FROM workflows.stream_events WHERE stream_id = $13::text) base,
       jsonb_array_elements($12::jsonb) WITH ORDINALITY AS e(value, ord)
RETURNING sequence`;

/**
 * The run lifecycle's hot paths (starting a run, advancing it) in plain SQL: one round trip per
 * statement and no query compilation, which Prisma's query engine would otherwise spend on every
 * step of every run. Stream events it appends are published by the scope after commit.
 */
export function createRunProgressStore(tx: ScopedWriteTx<RawDb, StreamEventNotice>) {
  const { db, tenantId } = tx;
  return {
    /** Inserts a QUEUED run with its first event (sequence 1). */
    async insertQueued(id: string, fields: NewRun): Promise<WorkflowRun> {
      const topics = [runTopic(id), workspaceTopic(fields.workflow.workspaceId)];
      const [run] = await db.$queryRawUnsafe<WorkflowRun[]>(
        INSERT_RUN,
        id,
        tenantId,
        fields.workflow.workspaceId,
        fields.workflow.id,
        JSON.stringify(fields.input ?? null),
        fields.idempotencyKey ?? null,
        JSON.stringify(fields.filesUsed ?? []),
        fields.startedById,
        fields.triggerCardId ?? null,
        topics,
        workspaceTopic(fields.workflow.workspaceId),
      );
      tx.publish({ tenantId, topics, streamId: id, sequence: 1 });
      return run!;
    },
    /**
     * Locks the run row, then its event stream's advisory lock (the key appendStreamEvent uses),
     * in one round trip: the row lock serialises everyone changing the run.
     */
    async lock(runId: string): Promise<RunRow | null> {
      const rows = await db.$queryRawUnsafe<RunRow[]>(
        `WITH locked AS (
          SELECT id, "tenantId", "workspaceId", "workflowId", status::text AS status, input, "currentStep", "startedAt", "startedById", "retryCount"
            FROM workflows."WorkflowRun" WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE)
        SELECT locked.*, pg_advisory_xact_lock(hashtextextended(locked.id::text, 0))::text AS "streamLock" FROM locked`,
        runId,
        tenantId,
      );
      return rows[0] ?? null;
    },
    /** The workflow's steps in order, each with its step run of this run, if any. */
    stepsWithRuns: (workflowId: string, runId: string) =>
      db.$queryRawUnsafe<StepWithRun[]>(
        `SELECT s.id, s.position, s.key, s.type::text AS type, s.config,
               sr.status::text AS "runStatus", sr.output AS "runOutput", sr.attempts AS "runAttempts", sr."startedAt" AS "runStartedAt"
          FROM workflows."WorkflowStep" s
          LEFT JOIN workflows."StepRun" sr ON sr."runId" = $1::uuid AND sr.position = s.position
         WHERE s."workflowId" = $2::uuid
         ORDER BY s.position`,
        runId,
        workflowId,
      ),
    /** Writes step runs, the run's progress, its log lines and its events in one statement. */
    async record(write: ProgressWrite): Promise<void> {
      const { run, progress: p } = write;
      const topics = [runTopic(run.id), workspaceTopic(run.workspaceId)];
      const stepRuns = write.stepRuns.map((r) => ({
        ...r,
        input: json(r.input),
        output: json(r.output),
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
      }));
      const events = write.events.map((e) => ({
        type: e.type,
        payload: { status: e.status, stepKey: e.stepKey ?? null },
      }));
      const rows = await db.$queryRawUnsafe<{ sequence: number }[]>(
        RECORD_PROGRESS,
        tenantId,
        run.id,
        JSON.stringify(stepRuns),
        p.status,
        p.currentStep,
        p.startedAt?.toISOString() ?? null,
        p.output === undefined ? null : JSON.stringify(p.output),
        p.error ?? null,
        p.finishedAt?.toISOString() ?? null,
        JSON.stringify(write.logs.map((l) => ({ ...l, data: l.data ?? null }))),
        topics,
        JSON.stringify(events),
        run.id,
        workspaceTopic(run.workspaceId),
      );
      if (rows.length > 0) {
        tx.publish({ tenantId, topics, streamId: run.id, sequence: Math.max(...rows.map((r) => Number(r.sequence))) });
      }
    },
  };
}
