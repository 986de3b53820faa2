import type { RawDb } from "../data/db";
import type { RunStatus, StepRunStatus, StepType } from "../generated/prisma/client";

/**
 * The worker's hot path in plain SQL: one round trip per statement and no query compilation,
 * which Prisma's query engine would otherwise spend on every step of every run.
 */
export interface RunRow {
  id: string;
  tenantId: string;
  workspaceId: string;
  workflowId: string;
  status: RunStatus;
  input: unknown;
  currentStep: number;
  startedAt: Date | null;
  startedById: string | null;
  retryCount: number;
}

/**
 * Locks the run row, then its event stream's advisory lock (the key appendStreamEvent uses),
 * in one round trip: the row lock serialises everyone changing the run.
 */
export async function lockRunRow(tx: RawDb, tenantId: string, runId: string): Promise<RunRow | null> {
  const rows = await tx.$queryRawUnsafe<RunRow[]>(
    `WITH locked AS (
      SELECT id, "tenantId", "workspaceId", "workflowId", status::text AS status, input, "currentStep", "startedAt", "startedById", "retryCount"
        FROM workflows."WorkflowRun" WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE)
    SELECT locked.*, pg_advisory_xact_lock(hashtextextended(locked.id::text, 0))::text AS "streamLock" FROM locked`,
    runId,
    tenantId,
  );
  return rows[0] ?? null;
}

export interface StepWithRun {
  id: string;
  position: number;
  key: string;
  type: StepType;
  config: unknown;
  runStatus: StepRunStatus | null;
  runOutput: unknown;
  runAttempts: number | null;
  runStartedAt: Date | null;
}

/** The workflow's steps in order, each with its step run of this run, if any. */
export function loadStepsWithRuns(tx: RawDb, workflowId: string, runId: string): Promise<StepWithRun[]> {
  return tx.$queryRawUnsafe<StepWithRun[]>(
    `SELECT s.id, s.position, s.key, s.type::text AS type, s.config,
           sr.status::text AS "runStatus", sr.output AS "runOutput", sr.attempts AS "runAttempts", sr."startedAt" AS "runStartedAt"
      FROM workflows."WorkflowStep" s
      LEFT JOIN workflows."StepRun" sr ON sr."runId" = $1::uuid AND sr.position = s.position
     WHERE s."workflowId" = $2::uuid
     ORDER BY s.position`,
    runId,
    workflowId,
  );
}

export interface StepRunWrite {
  stepId: string;
  position: number;
  stepKey: string;
  type: StepType;
  status: StepRunStatus;
  input: unknown;
  output: unknown;
  error: string | null;
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface RunProgress {
  status: RunStatus;
  currentStep: number;
  startedAt: Date | null;
  output?: unknown;
  error?: string | null;
  finishedAt?: Date | null;
}
