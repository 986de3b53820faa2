import { systemActor } from "@atelier/subgraph-kit";
import { deleteChunksOf } from "../data/chunks";
import { DOCUMENT_FIELDS } from "../data/documents";
import { enqueueIngestion } from "../data/enqueue-ingestion";
import { appendDocumentEvent } from "../data/status-events";
import { knowledgeScope } from "../scope";
import type { KnowledgeServices } from "../services";
import { storeMaintenanceRead } from "./store-maintenance-read";

/**
 * After the embedding model changes, READY documents embedded with another model are queued
 * for re-indexing into the new model's collection: searches never mix models meanwhile.
 */
export async function reindexStaleDocuments(services: KnowledgeServices): Promise<number> {
  const { db, embedder } = services;
  const stale = await storeMaintenanceRead(() =>
    db.document.findMany({
      where: { status: "READY", embeddingModel: { not: embedder.model } },
      select: { id: true, tenantId: true },
    }),
  );
  for (const { id, tenantId } of stale) {
    // Each document is changed in its own tenant's scope, as the service itself.
    await knowledgeScope(services, systemActor(tenantId, "knowledge")).write(async (tx) => {
      await deleteChunksOf(tx.db, tenantId, id);
      const [doc] = await tx.db.document.updateManyAndReturn({
        where: { id, tenantId, status: "READY" },
        data: { status: "PENDING", chunkCount: 0, chunksEmbedded: 0, embeddingModel: embedder.model, readyAt: null },
        select: DOCUMENT_FIELDS,
      });
      if (!doc) return;
      const requested = await appendDocumentEvent(tx.db, doc, "REINDEX_REQUESTED");
      tx.publish(requested);
      await enqueueIngestion(tx.db, services, { tenantId, documentId: id, requestSequence: requested.sequence });
    });
  }
  return stale.length;
}
