import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import { chunkId } from "../data/chunk-id";
import { embeddedChunkIndexes, insertChunks } from "../data/chunks";
import type { Db } from "../data/db";
import type { DocumentRecord } from "../data/documents";
import { updateDocument } from "../data/documents";
import { inTenant } from "../data/in-tenant";
import { appendDocumentEvent, type DocumentEventType } from "../data/status-events";
import { vectorToBytes } from "../data/vector-bytes";
import { parseDocument } from "../parsing/parse-document";
import { ParseError } from "../parsing/parse-error";
import { supportedMimeType } from "../parsing/supported-types";
import type { IngestJob, KnowledgeServices } from "../services";
import { chunkText, type TextChunk } from "./chunk-text";
import { syncDocumentVectors } from "./sync-document-vectors";

type Patch = Parameters<typeof updateDocument>[3];

/** Updates the document and appends its status event in one transaction, then announces it. */
async function transition(
  s: KnowledgeServices,
  job: IngestJob,
  patch: Patch | ((tx: Db) => Promise<Patch>),
  type: DocumentEventType,
) {
  const notices: StreamEventNotice[] = [];
  const doc = await inTenant(s.db, job.tenantId, async (tx) => {
    const data = typeof patch === "function" ? await patch(tx) : patch;
    const [updated] = await updateDocument(tx, job.tenantId, job.documentId, data);
    if (updated) notices.push(await appendDocumentEvent(tx, updated, type));
    return updated ?? null;
  });
  await publishStreamEvents(s.bus, notices).catch((error) => s.log.warn({ err: error }, "status publish failed"));
  return doc;
}

async function embedMissing(s: KnowledgeServices, job: IngestJob, doc: DocumentRecord, chunks: TextChunk[]) {
  const model = s.embedder.model;
  const done = await inTenant(s.db, job.tenantId, (tx) =>
    embeddedChunkIndexes(tx, job.tenantId, job.documentId, model),
  );
  const missing = chunks.filter((c) => !done.has(c.index));
  const batchSize = s.config.ingestBatchChunks;
  for (let i = 0; i < missing.length; i += batchSize) {
    const batch = missing.slice(i, i + batchSize);
    const vectors = await s.embedder.embed(batch.map((c) => c.text));
    const rows = batch.map((c, k) => ({
      id: chunkId(doc.id, model, c.index),
      tenantId: doc.tenantId,
      documentId: doc.id,
      workspaceId: doc.workspaceId,
      index: c.index,
      text: c.text,
      tokenCount: c.tokenCount,
      embeddingModel: model,
      vector: vectorToBytes(vectors[k]!),
    }));
    // The store first: a chunk row in Postgres then always has its (staged) vector.
    await s.store.upsert(
      s.collection,
      rows.map((r, k) => ({
        id: r.id,
        tenantId: r.tenantId,
        documentId: r.documentId,
        workspaceId: r.workspaceId,
        vector: vectors[k]!,
      })),
    );
    // Counted, not summed: a duplicate delivery of the job may be writing the same chunks.
    const countAfterInsert = async (tx: Db): Promise<Patch> => {
      await insertChunks(tx, rows);
      return {
        chunksEmbedded: await tx.semanticChunk.count({ where: { tenantId: job.tenantId, documentId: job.documentId } }),
      };
    };
    await transition(s, job, countAfterInsert, "PROGRESS");
  }
}

/**
 * The ingestion job: parse → chunk → embed in batches → write → READY. Safe to run again
 * after a crash at any point: chunks already written are kept (their ids are deterministic)
 * and only the rest are embedded.
 */
export async function ingestDocument(s: KnowledgeServices, job: IngestJob): Promise<void> {
  const source = await inTenant(s.db, job.tenantId, (tx) =>
    tx.document.findFirst({ where: { id: job.documentId, tenantId: job.tenantId } }),
  );
  if (!source || source.status === "READY" || source.status === "FAILED") return;
  if (source.status === "PENDING")
    await transition(s, job, { status: "PROCESSING", embeddingModel: s.embedder.model }, "PROCESSING");
  let chunks: TextChunk[];
  try {
    const mimeType = supportedMimeType(source.mimeType);
    if (!mimeType) throw new ParseError(`unsupported MIME type ${source.mimeType}`);
    chunks = chunkText(await parseDocument(mimeType, source.content), s.config.chunking);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    await transition(s, job, { status: "FAILED", error: error.message }, "FAILED");
    return;
  }
  let doc = source as DocumentRecord;
  if (source.chunkCount !== chunks.length) {
    doc = (await transition(s, job, { chunkCount: chunks.length }, "PROGRESS")) ?? doc;
  }
  await embedMissing(s, job, doc, chunks);
  // Recounted at the end: a duplicate delivery's progress update may have counted before this
  // job's last batch committed.
  const ready = async (tx: Db): Promise<Patch> => ({
    status: "READY",
    readyAt: new Date(),
    error: null,
    chunksEmbedded: await tx.semanticChunk.count({ where: { tenantId: job.tenantId, documentId: job.documentId } }),
  });
  await transition(s, job, ready, "READY");
  await syncDocumentVectors(s, job.tenantId, job.documentId);
}
