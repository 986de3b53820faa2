import { NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { deleteChunksOf } from "../data/chunks";
import { findDocument } from "../data/documents";
import { appendDocumentEvent } from "../data/status-events";
import { documentIdInput } from "./inputs";

/** Deletes a document with its chunks (Postgres) and its vectors (the store), and says how many went. */
export async function deleteDocument(ctx: Context, rawInput: unknown) {
  const scope = ctx.scope();
  requireWriter(scope.actor, "knowledge");
  const { documentId } = documentIdInput.parse(rawInput);
  const { services } = ctx;
  const chunksDeleted = await scope.write(async (tx) => {
    const existing = await findDocument(tx.db, tx.tenantId, documentId);
    if (!existing) throw new NotFoundError("No such document.");
    const chunks = await deleteChunksOf(tx.db, tx.tenantId, documentId);
    await tx.db.document.deleteMany({ where: { id: documentId, tenantId: tx.tenantId } });
    tx.audit({
      action: "document.delete",
      resourceType: "Document",
      resourceId: documentId,
      changes: { title: existing.title, chunks },
    });
    tx.publish(await appendDocumentEvent(tx.db, existing, "DELETED"));
    return chunks;
  });
  // After commit: a failure here leaves vectors whose chunk rows are gone, which searches never
  // return (hits are joined to READY chunk rows); the DELETED notice makes every store retry.
  const where = { tenantId: scope.tenantId, documentId };
  await services.store.deleteByFilter(services.collection, where);
  const vectorsRemaining = await services.store.count(services.collection, where);
  return { documentId, chunksDeleted, vectorsRemaining };
}
