import { createRunEventStore } from "../data/run-event-store";
import { createRunStore } from "../data/run-store";
import type { WriteTx } from "../scope";
import { finishedFields } from "./run-state-machine";

/** Moves a run to FAILED with its error, timing, log line and event. */
export async function failRun(
  tx: WriteTx,
  run: { id: string; workspaceId: string; startedAt: Date | null },
  error: string,
  currentStep: number,
): Promise<void> {
  const runs = createRunStore(tx);
  await runs.update(run.id, {
    status: "FAILED",
    error,
    currentStep,
    startedAt: run.startedAt,
    ...finishedFields(run.startedAt),
  });
  await runs.log(run.id, "error", error);
  await createRunEventStore(tx).append(run, { type: "FAILED", status: "FAILED" });
}
