import type { WriteTx } from "../scope";
import { appendRunEvent } from "./run-events";
import { finishedFields } from "./run-transitions";

/** Moves a run to FAILED with its error, timing and event. */
export async function failRun(
  tx: WriteTx,
  run: { id: string; tenantId: string; workspaceId: string; startedAt: Date | null },
  error: string,
  currentStep: number,
): Promise<void> {
  await tx.db.workflowRun.update({
    where: { id: run.id },
    data: { status: "FAILED", error, currentStep, startedAt: run.startedAt, ...finishedFields(run.startedAt) },
  });
  await tx.db.runLog.create({ data: { tenantId: run.tenantId, runId: run.id, level: "error", message: error } });
  await appendRunEvent(tx, run, "FAILED", "FAILED");
}
