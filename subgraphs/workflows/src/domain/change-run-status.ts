import { NotFoundError } from "@atelier/subgraph-kit";
import { type LockedRun, lockRun } from "../engine/lock-run";
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
    const run = await lockRun(tx, runId);
    if (!run) throw new NotFoundError("No such workflow run.");
    const changes = await change(tx, run);
    tx.audit({
      action: `workflowRun.${action}`,
      resourceType: "WorkflowRun",
      resourceId: run.id,
      changes: { from: run.status, ...changes },
    });
    return tx.db.workflowRun.findUniqueOrThrow({ where: { id: run.id } });
  });
}
