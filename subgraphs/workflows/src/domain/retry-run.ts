import { ConflictError, requireRole } from "@atelier/subgraph-kit";
import { createRunEventStore } from "../data/run-event-store";
import { createRunStore } from "../data/run-store";
import { enqueueRunAdvance } from "../engine/enqueue-run";
import { assertCanMove, MAX_RETRIES } from "../engine/run-state-machine";
import type { WorkflowScope } from "../scope";
import { changeRunStatus } from "./change-run-status";

/** FAILED → QUEUED, from the failed step; at most MAX_RETRIES times per run. */
export function retryRun(scope: WorkflowScope, runId: string) {
  requireRole(scope.actor, "EDITOR");
  return changeRunStatus(scope, runId, "retry", async (tx, run) => {
    assertCanMove(run.status, "QUEUED", "retry");
    if (run.retryCount >= MAX_RETRIES) {
      throw new ConflictError(`This run was already retried ${MAX_RETRIES} times, the limit; start a new run.`);
    }
    await createRunStore(tx).update(run.id, {
      status: "QUEUED",
      retryCount: run.retryCount + 1,
      error: null,
      finishedAt: null,
      durationMs: null,
    });
    await createRunEventStore(tx).append(run, { type: "RETRIED", status: "QUEUED" });
    await enqueueRunAdvance(scope.services, tx.db, { runId: run.id, tenantId: run.tenantId });
    return { to: "QUEUED", retryCount: run.retryCount + 1 };
  });
}
