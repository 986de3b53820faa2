import type { RunStatus } from "../generated/prisma/client";

/** The Postgres schema of the runs' event streams. */
export const STREAM_SCHEMA = "workflows";

/** What happened to a run: every status change appends one to the run's stream. */
export type RunEventType =
  | "QUEUED"
  | "STARTED"
  | "STEP_SUCCEEDED"
  | "STEP_WAITING"
  | "PAUSED"
  | "RESUMED"
  | "SUCCEEDED"
  | "FAILED"
  | "CANCELLED"
  | "RETRIED";

/** An event to append, with the run's status right after it. */
export interface PendingRunEvent {
  type: RunEventType;
  status: RunStatus;
  stepKey?: string | null;
}

/** The topic of one run's events (subscription workflowRunUpdated). */
export const runTopic = (runId: string) => `workflowRunUpdated:${runId}`;
/** The topic and feed of a workspace's run events (subscription workflowRunsUpdated). */
export const workspaceTopic = (workspaceId: string) => `workflowRunsUpdated:${workspaceId}`;
