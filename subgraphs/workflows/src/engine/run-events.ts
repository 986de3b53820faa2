import { appendStreamEvent } from "@atelier/live-events";
import type { RunStatus } from "../generated/prisma/client";
import type { WriteTx } from "../scope";

export const STREAM_SCHEMA = "workflows";

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

export const runTopic = (runId: string) => `workflowRunUpdated:${runId}`;
export const workspaceTopic = (workspaceId: string) => `workflowRunsUpdated:${workspaceId}`;

/**
 * Appends a run's status change to its stream, in the change's transaction; the notice is
 * published after commit by the scope.
 */
export async function appendRunEvent(
  tx: WriteTx,
  run: { id: string; tenantId: string; workspaceId: string },
  type: RunEventType,
  status: RunStatus,
  stepKey: string | null = null,
): Promise<void> {
  const notice = await appendStreamEvent(tx.db, {
    schema: STREAM_SCHEMA,
    streamId: run.id,
    tenantId: run.tenantId,
    type,
    payload: { status, stepKey },
    topics: [runTopic(run.id), workspaceTopic(run.workspaceId)],
    feed: workspaceTopic(run.workspaceId),
  });
  tx.publish(notice);
}

export interface PendingRunEvent {
  type: RunEventType;
  status: RunStatus;
  stepKey?: string | null;
}
