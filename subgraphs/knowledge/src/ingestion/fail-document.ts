import { createChunkStore } from "../data/chunk-store";
import type { IngestJob, KnowledgeServices } from "../services";
import { IngestionSuperseded, transition } from "./document-transition";

/**
 * Ends an ingestion FAILED with a reason: its chunks are deleted in the same transaction (no
 * half-indexed document remains) and its staged vectors after commit. Applies once however
 * often it is called for the same request (duplicate jobs, a redelivered dead letter); returns
 * whether this call was the one that failed it.
 */
export async function failDocument(
  s: KnowledgeServices,
  job: IngestJob,
  reason: string | ((lastAttemptError: string | null) => string),
): Promise<boolean> {
  try {
    await transition(s, job, {
      from: ["PENDING", "PROCESSING"],
      type: "FAILED",
      apply: async (tx, state) => {
        await createChunkStore(tx).deleteOf(job.documentId);
        const error = typeof reason === "function" ? reason(state.error) : reason;
        return { status: "FAILED", error, chunksEmbedded: 0, readyAt: null };
      },
    });
  } catch (error) {
    if (error instanceof IngestionSuperseded) return false;
    throw error;
  }
  await s.store.deleteByFilter(s.collection, { tenantId: job.tenantId, documentId: job.documentId });
  return true;
}

/** Keeps a transient failure's reason on the still-PROCESSING document while the job waits for its retry. */
export async function noteRetriedFailure(s: KnowledgeServices, job: IngestJob, reason: string): Promise<void> {
  try {
    await transition(s, job, { from: ["PENDING", "PROCESSING"], type: null, apply: () => ({ error: reason }) });
  } catch (error) {
    if (!(error instanceof IngestionSuperseded)) throw error;
  }
}
