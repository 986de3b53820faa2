import { appendRunEvent } from "../engine/run-events";
import { assertCanMove } from "../engine/run-transitions";
import type { WorkflowServices } from "../services";
import type { Actor } from "./actor";
import { changeRunStatus } from "./change-run-status";

/** QUEUED or RUNNING → PAUSED; the worker stops after the step in flight. */
export function pauseRun(services: WorkflowServices, actor: Actor, runId: string) {
  return changeRunStatus(services, actor, runId, "pause", async (tx, notices, run) => {
    assertCanMove(run.status, "PAUSED", "pause");
    await tx.workflowRun.update({ where: { id: run.id }, data: { status: "PAUSED" } });
    await appendRunEvent(tx, notices, run, "PAUSED", "PAUSED");
    return { to: "PAUSED" };
  });
}
