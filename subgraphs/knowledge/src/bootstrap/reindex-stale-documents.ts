import { crossTenant } from "@atelier/db";
import { systemActor } from "@atelier/subgraph-kit";
import { createChunkStore } from "../data/chunk-store";
import { createDocumentStore } from "../data/document-store";
import { createIngestionJobStore } from "../data/ingestion-job-store";
import { createStatusEventStore } from "../data/status-event-store";
import { knowledgeScope } from "../scope";
import type { KnowledgeServices } from "../services";

/**
 * After the embedding model changes, READY documents embedded with another model are queued
 * for re-indexing into the new model's collection: searches never mix models meanwhile.
 */
export async function reindexStaleDocuments(services: KnowledgeServices): Promise<number> {
  const { db, embedder } = services;
  const stale = await crossTenant("store-maintenance", () =>
    db.document.findMany({
      where: { status: "READY", embeddingModel: { not: embedder.model } },
      select: { id: true, tenantId: true },
    }),
  );
  for (const { id, tenantId } of stale) {
    // Each document is changed in its own tenant's scope, as the service itself.
    await knowledgeScope(services, systemActor(tenantId, "knowledge")).write(async (tx) => {
      await createChunkStore(tx).deleteOf(id);
      const doc = await createDocumentStore(tx).patch(
        id,
        { status: "PENDING", chunkCount: 0, chunksEmbedded: 0, embeddingModel: embedder.model, readyAt: null },
        "READY",
      );
      if (!doc) return;
      const requested = await createStatusEventStore(tx).append(doc, "REINDEX_REQUESTED");
      tx.publish(requested);
      await createIngestionJobStore(tx, services).enqueue({ documentId: id, requestSequence: requested.sequence });
    });
  }
  return stale.length;
}
