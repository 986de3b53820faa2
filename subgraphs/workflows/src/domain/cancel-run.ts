import { requireRole } from "@atelier/subgraph-kit";
import { createRunEventStore } from "../data/run-event-store";
import { createRunStore } from "../data/run-store";
import { assertCanMove, finishedFields } from "../engine/run-state-machine";
import type { WorkflowScope } from "../scope";
import { changeRunStatus } from "./change-run-status";

/** QUEUED, RUNNING or PAUSED → CANCELLED; a step in flight finishes but is not recorded. */
export function cancelRun(scope: WorkflowScope, runId: string) {
  requireRole(scope.actor, "EDITOR");
  return changeRunStatus(scope, runId, "cancel", async (tx, run) => {
    assertCanMove(run.status, "CANCELLED", "cancel");
    await createRunStore(tx).update(run.id, { status: "CANCELLED", ...finishedFields(run.startedAt) });
    await createRunEventStore(tx).append(run, { type: "CANCELLED", status: "CANCELLED" });
    return { to: "CANCELLED" };
  });
}
