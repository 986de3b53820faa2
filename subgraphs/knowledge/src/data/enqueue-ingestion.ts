import type { JobQueue } from "@atelier/job-queue";
import { INGEST_QUEUE, type IngestJob } from "../services";
import type { Db } from "./db";

/**
 * Enqueues ingestion in the caller's tenant transaction, so the job exists if and only if the
 * change commits. The queue's tables (schema jobs_knowledge, created by pg-boss at start) are
 * not tenant data and are not granted to the RLS role, so the role switch of `withTenant` is
 * undone first; every tenant-scoped statement of the transaction has already run.
 */
export async function enqueueIngestion(tx: Db, queue: JobQueue, job: IngestJob): Promise<void> {
  await tx.$executeRawUnsafe("RESET ROLE");
  await queue.send(INGEST_QUEUE, job, { tx });
}
