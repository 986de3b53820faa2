import type { RunStatus, StepRunStatus, StepType } from "../generated/prisma/client";
import type { PendingRunEvent } from "./run-events";

/**
 * What the worker's hot path reads of a run and writes back after a stretch of steps (see
 * executePureSteps and createRunProgressStore).
 */

/** A run as the worker's hot path reads it. */
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

/** A step of the run's workflow, with its step run of this run, if any. */
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

export interface LogLine {
  level: "info" | "warn" | "error";
  message: string;
  data?: unknown;
}

/** Everything a stretch of steps changed, written at once. */
export interface ProgressWrite {
  run: { id: string; workspaceId: string };
  progress: RunProgress;
  stepRuns: StepRunWrite[];
  events: PendingRunEvent[];
  logs: LogLine[];
}
