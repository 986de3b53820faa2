import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import { NotFoundError } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { deleteChunksOf } from "../data/chunks";
import { findDocument, updateDocument } from "../data/documents";
import { enqueueIngestion } from "../data/enqueue-ingestion";
import { inTenant } from "../data/in-tenant";
import { appendDocumentEvent } from "../data/status-events";
import { delegatedActor, writer } from "./authorize";
import { documentIdInput } from "./inputs";
import { auditDocument } from "./record-audit";

/** Drops a document's chunks and vectors and ingests it again with the current model and chunking. */
export async function reindexDocument(ctx: Context, rawInput: unknown) {
  const actor = writer(ctx.identity);
  const { documentId } = documentIdInput.parse(rawInput);
  const { services } = ctx;
  const notices: StreamEventNotice[] = [];
  const document = await inTenant(services.db, actor.tenantId, async (tx) => {
    const existing = await findDocument(tx, actor.tenantId, documentId);
    if (!existing) throw new NotFoundError("No such document.");
    await deleteChunksOf(tx, actor.tenantId, documentId);
    const [updated] = await updateDocument(tx, actor.tenantId, documentId, {
      status: "PENDING",
      error: null,
      chunkCount: 0,
      chunksEmbedded: 0,
      readyAt: null,
      embeddingModel: services.embedder.model,
    });
    await auditDocument(tx, actor, ctx.requestId, "document.reindex", documentId, { from: existing.embeddingModel });
    const requested = await appendDocumentEvent(tx, updated!, "REINDEX_REQUESTED");
    notices.push(requested);
    // An ASSET document whose bytes were never fetched is read as whoever re-indexes it.
    await enqueueIngestion(tx, services, {
      tenantId: actor.tenantId,
      documentId,
      requestSequence: requested.sequence,
      actor: delegatedActor(actor),
    });
    return updated!;
  });
  await services.store.deleteByFilter(services.collection, { tenantId: actor.tenantId, documentId });
  await publishStreamEvents(services.bus, notices).catch((error) =>
    ctx.log.warn({ err: error }, "status publish failed"),
  );
  return { document };
}
