import type { SqlTx } from "@atelier/db";
import { INGEST_FAILED_QUEUE, INGEST_QUEUE, type IngestJob, type KnowledgeServices } from "../services";

/**
 * Enqueues ingestion in the caller's tenant transaction, so the job exists if and only if the
 * change commits. The queue's tables (schema jobs_knowledge, created by pg-boss at start) are
 * not tenant data and are not granted to the RLS role, so the role switch of `withTenant` is
 * undone first; every tenant-scoped statement of the transaction has already run.
 */
export async function enqueueIngestion(
  tx: SqlTx,
  services: Pick<KnowledgeServices, "queue" | "config">,
  job: IngestJob,
): Promise<void> {
  const { limit, delaySeconds } = services.config.ingestRetry;
  await tx.$executeRawUnsafe("RESET ROLE");
  // A job whose retries are exhausted, by errors or by timeouts of a lost worker, moves to the
  // dead-letter queue, whose handler ends the document FAILED.
  await services.queue.send(INGEST_QUEUE, job, {
    tx,
    retryLimit: limit,
    retryDelaySeconds: delaySeconds,
    retryBackoff: true,
    deadLetter: INGEST_FAILED_QUEUE,
  });
}
