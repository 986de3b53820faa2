import { ConflictError } from "@atelier/subgraph-kit";
import { enqueueRunAdvance } from "../engine/enqueue-run";
import { appendRunEvent } from "../engine/run-events";
import { assertCanMove, MAX_RETRIES } from "../engine/run-transitions";
import type { WorkflowServices } from "../services";
import type { Actor } from "./actor";
import { changeRunStatus } from "./change-run-status";

/** FAILED → QUEUED, from the failed step; at most MAX_RETRIES times per run. */
export function retryRun(services: WorkflowServices, actor: Actor, runId: string) {
  return changeRunStatus(services, actor, runId, "retry", async (tx, notices, run) => {
    assertCanMove(run.status, "QUEUED", "retry");
    if (run.retryCount >= MAX_RETRIES) {
      throw new ConflictError(`This run was already retried ${MAX_RETRIES} times, the limit; start a new run.`);
    }
    await tx.workflowRun.update({
      where: { id: run.id },
      data: { status: "QUEUED", retryCount: run.retryCount + 1, error: null, finishedAt: null, durationMs: null },
    });
    await appendRunEvent(tx, notices, run, "RETRIED", "QUEUED");
    await enqueueRunAdvance(services, tx, { runId: run.id, tenantId: run.tenantId });
    return { to: "QUEUED", retryCount: run.retryCount + 1 };
  });
}
