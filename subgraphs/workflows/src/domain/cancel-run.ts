import { appendRunEvent } from "../engine/run-events";
import { assertCanMove, finishedFields } from "../engine/run-transitions";
import type { WorkflowServices } from "../services";
import type { Actor } from "./actor";
import { changeRunStatus } from "./change-run-status";

/** QUEUED, RUNNING or PAUSED → CANCELLED; a step in flight finishes but is not recorded. */
export function cancelRun(services: WorkflowServices, actor: Actor, runId: string) {
  return changeRunStatus(services, actor, runId, "cancel", async (tx, notices, run) => {
    assertCanMove(run.status, "CANCELLED", "cancel");
    await tx.workflowRun.update({
      where: { id: run.id },
      data: { status: "CANCELLED", ...finishedFields(run.startedAt) },
    });
    await appendRunEvent(tx, notices, run, "CANCELLED", "CANCELLED");
    return { to: "CANCELLED" };
  });
}
