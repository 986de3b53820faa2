import type { SqlTx } from "@atelier/db";
import { INGEST_FAILED_QUEUE, INGEST_QUEUE, type IngestJob, type KnowledgeServices } from "../services";

/**
 * Enqueues ingestion in the caller's tenant transaction, so the job exists if and only if the
 * change commits. The transaction keeps its row-level-security role: the queue grants that role
 * what sending needs (`enqueueRole` at start).
 */
export async function enqueueIngestion(
  tx: SqlTx,
  services: Pick<KnowledgeServices, "queue" | "config">,
  job: IngestJob,
): Promise<void> {
  const { limit, delaySeconds } = services.config.ingestRetry;
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
