import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import { NotFoundError } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { deleteChunksOf } from "../data/chunks";
import { findDocument } from "../data/documents";
import { inTenant } from "../data/in-tenant";
import { appendDocumentEvent } from "../data/status-events";
import { writer } from "./authorize";
import { documentIdInput } from "./inputs";
import { auditDocument } from "./record-audit";

/** Deletes a document with its chunks (Postgres) and its vectors (the store), and says how many went. */
export async function deleteDocument(ctx: Context, rawInput: unknown) {
  const actor = writer(ctx.identity);
  const { documentId } = documentIdInput.parse(rawInput);
  const { services } = ctx;
  const notices: StreamEventNotice[] = [];
  const chunksDeleted = await inTenant(services.db, actor.tenantId, async (tx) => {
    const existing = await findDocument(tx, actor.tenantId, documentId);
    if (!existing) throw new NotFoundError("No such document.");
    const chunks = await deleteChunksOf(tx, actor.tenantId, documentId);
    await tx.document.deleteMany({ where: { id: documentId, tenantId: actor.tenantId } });
    await auditDocument(tx, actor, ctx.requestId, "document.delete", documentId, { title: existing.title, chunks });
    notices.push(await appendDocumentEvent(tx, existing, "DELETED"));
    return chunks;
  });
  // After commit: a failure here leaves vectors whose chunk rows are gone, which searches never
  // return (hits are joined to READY chunk rows); the DELETED notice makes every store retry.
  await services.store.deleteByFilter(services.collection, { tenantId: actor.tenantId, documentId });
  const vectorsRemaining = await services.store.count(services.collection, { tenantId: actor.tenantId, documentId });
  await publishStreamEvents(services.bus, notices).catch((error) =>
    ctx.log.warn({ err: error }, "status publish failed"),
  );
  return { documentId, chunksDeleted, vectorsRemaining };
}
