import { NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import { createChunkStore } from "../data/chunk-store";
import { createDocumentStore } from "../data/document-store";
import { createStatusEventStore } from "../data/status-event-store";
import { documentIdInput } from "../inputs/document-inputs";
import type { RequestScope } from "../scope";

/** Deletes a document with its chunks (Postgres) and its vectors (the store), and says how many went. */
export async function deleteDocument(scope: RequestScope, rawInput: unknown) {
  requireWriter(scope.actor, "knowledge");
  const { documentId } = documentIdInput.parse(rawInput);
  const { services } = scope;
  const chunksDeleted = await scope.write(async (tx) => {
    const documents = createDocumentStore(tx);
    const existing = await documents.find(documentId);
    if (!existing) throw new NotFoundError("No such document.");
    const chunks = await createChunkStore(tx).deleteOf(documentId);
    await documents.remove(documentId);
    tx.audit({
      action: "document.delete",
      resourceType: "Document",
      resourceId: documentId,
      changes: { title: existing.title, chunks },
    });
    tx.publish(await createStatusEventStore(tx).append(existing, "DELETED"));
    return chunks;
  });
  // After commit: a failure here leaves vectors whose chunk rows are gone, which searches never
  // return (hits are joined to READY chunk rows); the DELETED notice makes every store retry.
  const where = { tenantId: scope.tenantId, documentId };
  await services.store.deleteByFilter(services.collection, where);
  const vectorsRemaining = await services.store.count(services.collection, where);
  return { documentId, chunksDeleted, vectorsRemaining };
}
