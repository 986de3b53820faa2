import { delegatedActorOf, NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import { createChunkStore } from "../data/chunk-store";
import { createDocumentStore } from "../data/document-store";
import { createIngestionJobStore } from "../data/ingestion-job-store";
import { createStatusEventStore } from "../data/status-event-store";
import { documentIdInput } from "../inputs/document-inputs";
import type { RequestScope } from "../scope";

/** Drops a document's chunks and vectors and ingests it again with the current model and chunking. */
export async function reindexDocument(scope: RequestScope, rawInput: unknown) {
  requireWriter(scope.actor, "knowledge");
  const { documentId } = documentIdInput.parse(rawInput);
  const { services } = scope;
  const document = await scope.write(async (tx) => {
    const documents = createDocumentStore(tx);
    const existing = await documents.find(documentId);
    if (!existing) throw new NotFoundError("No such document.");
    await createChunkStore(tx).deleteOf(documentId);
    const updated = await documents.patch(documentId, {
      status: "PENDING",
      error: null,
      chunkCount: 0,
      chunksEmbedded: 0,
      readyAt: null,
      embeddingModel: services.embedder.model,
    });
    tx.audit({
      action: "document.reindex",
      resourceType: "Document",
      resourceId: documentId,
      changes: { from: existing.embeddingModel },
    });
    const requested = await createStatusEventStore(tx).append(updated!, "REINDEX_REQUESTED");
    tx.publish(requested);
    // An ASSET document whose bytes were never fetched is read as whoever re-indexes it.
    await createIngestionJobStore(tx, services).enqueue({
      documentId,
      requestSequence: requested.sequence,
      actor: delegatedActorOf(scope.actor),
    });
    return updated!;
  });
  await services.store.deleteByFilter(services.collection, { tenantId: scope.tenantId, documentId });
  return { document };
}
