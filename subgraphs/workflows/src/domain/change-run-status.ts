import { NotFoundError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";
import { type LockedRun, lockRun } from "../engine/lock-run";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { inTenantTransaction, type Notices } from "./tenant-transaction";

/**
 * The frame of every run mutation: lock the caller's run (NOT_FOUND for another tenant's),
 * apply `change`, write the audit event, all in one transaction.
 */
export function changeRunStatus(
  services: WorkflowServices,
  actor: Actor,
  runId: string,
  action: string,
  change: (tx: Db, notices: Notices, run: LockedRun) => Promise<Record<string, unknown>>,
) {
  return inTenantTransaction(services, actor.tenantId, async (tx, notices) => {
    const run = await lockRun(tx, actor.tenantId, runId);
    if (!run) throw new NotFoundError("No such workflow run.");
    const changes = await change(tx, notices, run);
    await audit(
      tx,
      actor,
      `workflowRun.${action}`,
      { type: "WorkflowRun", id: run.id },
      { from: run.status, ...changes },
    );
    return tx.workflowRun.findUniqueOrThrow({ where: { id: run.id } });
  });
}
