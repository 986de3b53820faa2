import { crossTenant } from "@atelier/db";
import { INGEST_FAILED_QUEUE, INGEST_QUEUE, type IngestJob, type KnowledgeServices } from "../services";
import { IngestionSuperseded } from "./document-transition";
import { failDocument, noteRetriedFailure } from "./fail-document";
import { ingestDocument } from "./ingest-document";
import { judgeFailure } from "./ingestion-failure";
import { syncDocumentVectors } from "./sync-document-vectors";

/**
 * Runs one delivery of an ingestion job. A permanent failure (unreadable content, a refused
 * embedding request) ends the document FAILED now; a transient one is noted on the document
 * and rethrown, so pg-boss retries the job with backoff and, once the retries are spent,
 * hands it to the dead-letter queue below.
 */
export async function runIngestionJob(s: KnowledgeServices, job: IngestJob): Promise<void> {
  try {
    await ingestDocument(s, job);
  } catch (error) {
    if (error instanceof IngestionSuperseded) {
      // Vectors this job staged for a document failed or deleted meanwhile are dropped.
      await syncDocumentVectors(s, job.tenantId, job.documentId);
      return;
    }
    const verdict = judgeFailure(error);
    const log = verdict.expected ? s.log.warn.bind(s.log) : s.log.error.bind(s.log);
    log({ err: error, documentId: job.documentId, retryable: verdict.retryable }, "ingestion attempt failed");
    if (!verdict.retryable) {
      await failDocument(s, job, verdict.reason);
      return;
    }
    await noteRetriedFailure(s, job, verdict.reason);
    throw error;
  }
}

/** A job whose retries are spent (by errors, or by timeouts of lost workers): the document ends FAILED. */
export async function failExhaustedIngestion(s: KnowledgeServices, job: IngestJob): Promise<void> {
  const n = s.config.ingestRetry.limit + 1;
  const attempts = n === 1 ? "1 attempt" : `${n} attempts`;
  await failDocument(s, job, (lastError) =>
    lastError
      ? `${lastError} (gave up after ${attempts})`
      : `ingestion did not finish in ${attempts} (its worker stopped or timed out)`,
  );
}

/** Consumes ingestion jobs (`workerConcurrency` documents at once) and the dead letters of spent ones. */
export async function startIngestionWorker(services: KnowledgeServices): Promise<void> {
  const concurrency = services.config.workerConcurrency;
  // The queue hands out jobs of every tenant; each job then acts in its own tenant's scope (jobScope).
  await crossTenant("job-claim", () =>
    services.queue.work<IngestJob>(INGEST_QUEUE, { concurrency, pollingIntervalSeconds: 0.5 }, async (job) => {
      const started = Date.now();
      await runIngestionJob(services, job.data);
      services.log.info({ documentId: job.data.documentId, ms: Date.now() - started }, "document ingestion ran");
    }),
  );
  await crossTenant("job-claim", () =>
    services.queue.work<IngestJob>(INGEST_FAILED_QUEUE, { concurrency: 1, pollingIntervalSeconds: 2 }, (job) =>
      failExhaustedIngestion(services, job.data),
    ),
  );
}
