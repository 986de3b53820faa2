import { NotFoundError } from "@atelier/subgraph-kit";
import { createRunStore, type LockedRun } from "../data/run-store";
import type { WorkflowScope, WriteTx } from "../scope";

/**
 * The frame of every run mutation: lock the caller's run (NOT_FOUND for another tenant's),
 * apply `change`, write the audit event, all in one transaction.
 */
export function changeRunStatus(
  scope: WorkflowScope,
  runId: string,
  action: string,
  change: (tx: WriteTx, run: LockedRun) => Promise<Record<string, unknown>>,
) {
  return scope.write(async (tx) => {
    const runs = createRunStore(tx);
    const run = await runs.lock(runId);
    if (!run) throw new NotFoundError("No such workflow run.");
    const changes = await change(tx, run);
    tx.audit({
      action: `workflowRun.${action}`,
      resourceType: "WorkflowRun",
      resourceId: run.id,
      changes: { from: run.status, ...changes },
    });
    return runs.find(run.id);
  });
}
