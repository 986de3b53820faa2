import { requireRole } from "@atelier/subgraph-kit";
import { appendRunEvent } from "../engine/run-events";
import { assertCanMove } from "../engine/run-transitions";
import type { WorkflowScope } from "../scope";
import { changeRunStatus } from "./change-run-status";

/** QUEUED or RUNNING → PAUSED; the worker stops after the step in flight. */
export function pauseRun(scope: WorkflowScope, runId: string) {
  requireRole(scope.actor, "EDITOR");
  return changeRunStatus(scope, runId, "pause", async (tx, run) => {
    assertCanMove(run.status, "PAUSED", "pause");
    await tx.db.workflowRun.update({ where: { id: run.id }, data: { status: "PAUSED" } });
    await appendRunEvent(tx, run, "PAUSED", "PAUSED");
    return { to: "PAUSED" };
  });
}
