import type { JobQueue } from "@atelier/job-queue";
import type { Db } from "../data/db";

export const SAMPLES_QUEUE = "creative.generation.samples";
export const FINAL_QUEUE = "creative.generation.final";

export interface GenerationJobData {
  generationRequestId: string;
  tenantId: string;
}

/**
 * Enqueues a job in the caller's tenant-bound transaction, so it exists if and only if the
 * change commits. The transaction keeps its row-level-security role: the queue grants that role
 * what sending needs (`enqueueRole` at start).
 */
export async function enqueueInTransaction(
  jobs: JobQueue,
  tx: Db,
  queue: typeof SAMPLES_QUEUE | typeof FINAL_QUEUE,
  data: GenerationJobData,
): Promise<void> {
  await jobs.send(queue, data, {
    tx,
    singletonKey: `${queue}:${data.generationRequestId}`,
    retryLimit: 2,
    retryDelaySeconds: 1,
  });
}
