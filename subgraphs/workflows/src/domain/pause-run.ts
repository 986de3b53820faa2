import { requireRole } from "@atelier/subgraph-kit";
import { createRunEventStore } from "../data/run-event-store";
import { createRunStore } from "../data/run-store";
import { assertCanMove } from "../engine/run-state-machine";
import type { WorkflowScope } from "../scope";
import { changeRunStatus } from "./change-run-status";

/** QUEUED or RUNNING → PAUSED; the worker stops after the step in flight. */
export function pauseRun(scope: WorkflowScope, runId: string) {
  requireRole(scope.actor, "EDITOR");
  return changeRunStatus(scope, runId, "pause", async (tx, run) => {
    assertCanMove(run.status, "PAUSED", "pause");
    await createRunStore(tx).update(run.id, { status: "PAUSED" });
    await createRunEventStore(tx).append(run, { type: "PAUSED", status: "PAUSED" });
    return { to: "PAUSED" };
  });
}
