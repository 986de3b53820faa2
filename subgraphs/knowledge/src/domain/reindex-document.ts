import { delegatedActorOf, NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { deleteChunksOf } from "../data/chunks";
import { findDocument, updateDocument } from "../data/documents";
import { enqueueIngestion } from "../data/enqueue-ingestion";
import { appendDocumentEvent } from "../data/status-events";
import { documentIdInput } from "./inputs";

/** Drops a document's chunks and vectors and ingests it again with the current model and chunking. */
export async function reindexDocument(ctx: Context, rawInput: unknown) {
  const scope = ctx.scope();
  requireWriter(scope.actor, "knowledge");
  const { documentId } = documentIdInput.parse(rawInput);
  const { services } = ctx;
  const document = await scope.write(async (tx) => {
    const existing = await findDocument(tx.db, tx.tenantId, documentId);
    if (!existing) throw new NotFoundError("No such document.");
    await deleteChunksOf(tx.db, tx.tenantId, documentId);
    const [updated] = await updateDocument(tx.db, tx.tenantId, documentId, {
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
    const requested = await appendDocumentEvent(tx.db, updated!, "REINDEX_REQUESTED");
    tx.publish(requested);
    // An ASSET document whose bytes were never fetched is read as whoever re-indexes it.
    await enqueueIngestion(tx.db, services, {
      tenantId: tx.tenantId,
      documentId,
      requestSequence: requested.sequence,
      actor: delegatedActorOf(scope.actor),
    });
    return updated!;
  });
  await services.store.deleteByFilter(services.collection, { tenantId: scope.tenantId, documentId });
  return { document };
}
