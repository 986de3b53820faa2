import { INGEST_QUEUE, type IngestJob, type KnowledgeServices } from "../services";
import { ingestDocument } from "./ingest-document";

/** Consumes ingestion jobs; each worker slot handles one document at a time. */
export async function startIngestionWorker(services: KnowledgeServices): Promise<void> {
  for (let slot = 0; slot < services.config.workerConcurrency; slot++) {
    await services.queue.work<IngestJob>(INGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (job) => {
      const started = Date.now();
      await ingestDocument(services, job.data);
      services.log.info({ documentId: job.data.documentId, ms: Date.now() - started }, "document ingested");
    });
  }
}
