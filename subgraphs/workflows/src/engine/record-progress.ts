import type { SqlWriteTx } from "../scope";
import type { PendingRunEvent } from "./run-events";
import { runTopic, workspaceTopic } from "./run-events";
import type { RunProgress, StepRunWrite } from "./run-sql";

export interface LogLine {
  level: "info" | "warn" | "error";
  message: string;
  data?: unknown;
}

export interface ProgressWrite {
  run: { id: string; tenantId: string; workspaceId: string };
  progress: RunProgress;
  stepRuns: StepRunWrite[];
  events: PendingRunEvent[];
  logs: LogLine[];
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

// One statement for everything a stretch of steps changed: the worker's hot path is bound by
// round trips. The caller holds the run's row lock and its stream's advisory lock
// (lockRunRow), so the events' numbering cannot race.
const SQL = `
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

/** Writes step runs, the run's progress, its log lines and its events in one statement. */
export async function recordProgress(tx: SqlWriteTx, write: ProgressWrite): Promise<void> {
  const { run, progress: p } = write;
  const topics = [runTopic(run.id), workspaceTopic(run.workspaceId)];
  const stepRuns = write.stepRuns.map((r) => ({
    ...r,
    input: json(r.input),
    output: json(r.output),
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
  const events = write.events.map((e) => ({ type: e.type, payload: { status: e.status, stepKey: e.stepKey ?? null } }));
  const rows = await tx.db.$queryRawUnsafe<{ sequence: number }[]>(
    SQL,
    run.tenantId,
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
    tx.publish({
      tenantId: run.tenantId,
      topics,
      streamId: run.id,
      sequence: Math.max(...rows.map((r) => Number(r.sequence))),
    });
  }
}
