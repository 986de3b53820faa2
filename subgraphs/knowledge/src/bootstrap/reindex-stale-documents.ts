import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import { deleteChunksOf } from "../data/chunks";
import { DOCUMENT_FIELDS } from "../data/documents";
import { enqueueIngestion } from "../data/enqueue-ingestion";
import { inTenant } from "../data/in-tenant";
import { appendDocumentEvent } from "../data/status-events";
import type { KnowledgeServices } from "../services";

/**
 * After the embedding model changes, READY documents embedded with another model are queued
 * for re-indexing into the new model's collection: searches never mix models meanwhile.
 */
export async function reindexStaleDocuments(services: KnowledgeServices): Promise<number> {
  const { db, embedder } = services;
  const stale = await db.document.findMany({
    where: { status: "READY", embeddingModel: { not: embedder.model } },
    select: { id: true, tenantId: true },
  });
  for (const { id, tenantId } of stale) {
    const notices: StreamEventNotice[] = [];
    await inTenant(db, tenantId, async (tx) => {
      await deleteChunksOf(tx, tenantId, id);
      const [doc] = await tx.document.updateManyAndReturn({
        where: { id, tenantId, status: "READY" },
        data: { status: "PENDING", chunkCount: 0, chunksEmbedded: 0, embeddingModel: embedder.model, readyAt: null },
        select: DOCUMENT_FIELDS,
      });
      if (!doc) return;
      const requested = await appendDocumentEvent(tx, doc, "REINDEX_REQUESTED");
      notices.push(requested);
      await enqueueIngestion(tx, services, { tenantId, documentId: id, requestSequence: requested.sequence });
    });
    await publishStreamEvents(services.bus, notices);
  }
  return stale.length;
}
