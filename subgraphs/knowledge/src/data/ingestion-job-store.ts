import type { ScopedTx, SqlTx } from "@atelier/db";
import { INGEST_FAILED_QUEUE, INGEST_QUEUE, type IngestJob, type KnowledgeServices } from "../services";

/**
 * Ingestion jobs enqueued in the caller's tenant transaction, so a job exists if and only if the
 * change commits. The transaction keeps its row-level-security role: the queue grants that role
 * what sending needs (`enqueueRole` at start).
 */
export function createIngestionJobStore(tx: ScopedTx<SqlTx>, services: Pick<KnowledgeServices, "queue" | "config">) {
  return {
    async enqueue(job: Omit<IngestJob, "tenantId">): Promise<void> {
      const { limit, delaySeconds } = services.config.ingestRetry;
      // A job whose retries are exhausted, by errors or by timeouts of a lost worker, moves to the
      // dead-letter queue, whose handler ends the document FAILED.
      await services.queue.send(INGEST_QUEUE, { ...job, tenantId: tx.tenantId } satisfies IngestJob, {
        tx: tx.db,
        retryLimit: limit,
        retryDelaySeconds: delaySeconds,
        retryBackoff: true,
        deadLetter: INGEST_FAILED_QUEUE,
      });
    },
  };
}
