import type { ReadTx } from "../scope";

/**
 * Locks a run row for the rest of the transaction, so one writer at a time changes a run:
 * a worker advancing it, or a person cancelling, pausing or resuming it.
 */
export async function lockRun({ db, tenantId }: ReadTx, runId: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM workflows."WorkflowRun" WHERE id = ${runId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  if (rows.length === 0) return null;
  return db.workflowRun.findUnique({
    where: { id: runId },
    include: { workflow: { include: { steps: { orderBy: { position: "asc" } } } } },
  });
}

export type LockedRun = NonNullable<Awaited<ReturnType<typeof lockRun>>>;
