import type { SendOptions } from "@atelier/job-queue";
import { INGEST_FAILED_QUEUE, INGEST_QUEUE, type IngestJob, type KnowledgeServices } from "../services";
import type { Db } from "./db";

/**
 * Enqueues ingestion in the caller's tenant transaction, so the job exists if and only if the
 * change commits. The queue's tables (schema jobs_knowledge, created by pg-boss at start) are
 * not tenant data and are not granted to the RLS role, so the role switch of `withTenant` is
 * undone first; every tenant-scoped statement of the transaction has already run.
 */
export async function enqueueIngestion(
  tx: Db,
  services: Pick<KnowledgeServices, "queue" | "config">,
  job: IngestJob,
): Promise<void> {
  const { limit, delaySeconds } = services.config.ingestRetry;
  // `deadLetter` is pg-boss's own send option, passed through by the queue wrapper: a job whose
  // retries are exhausted, by errors or by timeouts of a lost worker, is copied there.
  const options = {
    tx,
    retryLimit: limit,
    retryDelaySeconds: delaySeconds,
    retryBackoff: true,
    deadLetter: INGEST_FAILED_QUEUE,
  } as SendOptions;
  await tx.$executeRawUnsafe("RESET ROLE");
  await services.queue.send(INGEST_QUEUE, job, options);
}
