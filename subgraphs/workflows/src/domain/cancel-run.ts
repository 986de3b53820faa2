import { requireRole } from "@atelier/subgraph-kit";
import { appendRunEvent } from "../engine/run-events";
import { assertCanMove, finishedFields } from "../engine/run-transitions";
import type { WorkflowScope } from "../scope";
import { changeRunStatus } from "./change-run-status";

/** QUEUED, RUNNING or PAUSED → CANCELLED; a step in flight finishes but is not recorded. */
export function cancelRun(scope: WorkflowScope, runId: string) {
  requireRole(scope.actor, "EDITOR");
  return changeRunStatus(scope, runId, "cancel", async (tx, run) => {
    assertCanMove(run.status, "CANCELLED", "cancel");
    await tx.db.workflowRun.update({
      where: { id: run.id },
      data: { status: "CANCELLED", ...finishedFields(run.startedAt) },
    });
    await appendRunEvent(tx, run, "CANCELLED", "CANCELLED");
    return { to: "CANCELLED" };
  });
}
