import { createChunkStore } from "../data/chunk-store";
import { createDocumentStore } from "../data/document-store";
import type { KnowledgeServices } from "../services";
import { jobScope } from "./job-scope";

/**
 * Brings the vector store in line with Postgres for one document: a READY document's vectors
 * are (re)loaded if any are missing and made searchable; a deleted or FAILED document's are removed.
 * Runs after each status change, in every process that holds a store (the embedded store of
 * the API process learns of a separate worker's work this way).
 */
export async function syncDocumentVectors(
  services: KnowledgeServices,
  tenantId: string,
  documentId: string,
): Promise<void> {
  const { store, collection, embedder } = services;
  const scope = jobScope(services, tenantId);
  const doc = await scope.read((tx) => createDocumentStore(tx).find(documentId));
  if (!doc || doc.status === "FAILED") return store.deleteByFilter(collection, { tenantId, documentId });
  if (doc.status !== "READY" || doc.embeddingModel !== embedder.model) return;
  const stored = await store.count(collection, { tenantId, documentId });
  if (stored !== doc.chunkCount) {
    await store.deleteByFilter(collection, { tenantId, documentId });
    const points = await scope.read((tx) => createChunkStore(tx).pointsOf(documentId, embedder.model));
    await store.upsert(collection, points);
  }
  await store.markReady(collection, { tenantId, documentId });
}
