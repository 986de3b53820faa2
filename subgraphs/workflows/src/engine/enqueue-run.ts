import type { JobQueue } from "@atelier/job-queue";
import type { RawDb } from "../data/db";

export const RUN_QUEUE = "workflow-run";

export interface RunJob {
  runId: string;
  tenantId: string;
}

/**
 * Enqueues the next advance of a run in the caller's transaction, so the job exists if and
 * only if the change commits (the tenant role may insert jobs: see services.ts).
 */
export async function enqueueRunAdvance(queue: JobQueue, tx: RawDb, job: RunJob, startAfter?: Date): Promise<void> {
  await queue.send(RUN_QUEUE, job, { tx, ...(startAfter ? { startAfter } : {}) });
}
