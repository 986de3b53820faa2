import { type ChunkRow, createChunkStore } from "../data/chunk-store";
import { createDocumentContentStore } from "../data/document-content-store";
import { createDocumentStore, type DocumentRecord } from "../data/document-store";
import { chunkTerms } from "../lexical/bm25";
import { parseDocument } from "../parsing/parse-document";
import { ParseError } from "../parsing/parse-error";
import { supportedMimeType } from "../parsing/supported-types";
import type { IngestJob, KnowledgeServices } from "../services";
import { vectorToBytes } from "../vector-store/vector-bytes";
import { chunkId } from "./chunk-id";
import { chunkText, type TextChunk } from "./chunk-text";
import { IngestionSuperseded, transition } from "./document-transition";
import { fetchAssetContent } from "./fetch-asset-content";
import { ingestInOneStep } from "./ingest-in-one-step";
import { jobScope } from "./job-scope";
import { syncDocumentVectors } from "./sync-document-vectors";

/** The chunk rows of a batch, embedded, and their points staged in the store (before Postgres: a chunk row always has its vector). */
async function embedBatch(s: KnowledgeServices, doc: DocumentRecord, batch: TextChunk[]): Promise<ChunkRow[]> {
  const model = s.embedder.model;
  // The title is embedded with every chunk, as the lexical index counts it with every chunk.
  const vectors = await s.embedder.embed(batch.map((c) => `${doc.title}\n${c.text}`));
  const rows = batch.map((c, k) => ({
    id: chunkId(doc.id, model, c.index),
    documentId: doc.id,
    workspaceId: doc.workspaceId,
    index: c.index,
    text: c.text,
    tokenCount: c.tokenCount,
    embeddingModel: model,
    vector: vectorToBytes(vectors[k]!),
  }));
  await s.store.upsert(
    s.collection,
    rows.map((r, k) => ({
      id: r.id,
      tenantId: doc.tenantId,
      documentId: r.documentId,
      workspaceId: r.workspaceId,
      vector: vectors[k]!,
      terms: chunkTerms(doc.title, r.text),
    })),
  );
  return rows;
}

async function embedMissing(s: KnowledgeServices, job: IngestJob, doc: DocumentRecord, chunks: TextChunk[]) {
  const done = await jobScope(s, job.tenantId).read((tx) =>
    createChunkStore(tx).embeddedIndexes(job.documentId, s.embedder.model),
  );
  const missing = chunks.filter((c) => !done.has(c.index));
  const batchSize = s.config.ingestBatchChunks;
  for (let i = 0; i < missing.length; i += batchSize) {
    const rows = await embedBatch(s, doc, missing.slice(i, i + batchSize));
    // Counted, not summed: a duplicate delivery of the job may be writing the same chunks.
    await transition(s, job, {
      from: ["PROCESSING"],
      type: "PROGRESS",
      apply: async (tx) => {
        const chunks = createChunkStore(tx);
        await chunks.insert(rows);
        return { chunksEmbedded: await chunks.countOf(job.documentId) };
      },
    });
  }
}

/**
 * The ingestion job: (for an asset, fetch its bytes →) parse → chunk → embed in batches →
 * write → READY; a fresh document of one batch in a single transaction (`ingestInOneStep`). Safe to run again
 * after a crash at any point: chunks already written are kept (their ids are deterministic)
 * and only the rest are embedded. Throws a ParseError for content that cannot be read, and
 * `IngestionSuperseded` when the document was failed, deleted or re-requested meanwhile.
 */
export async function ingestDocument(s: KnowledgeServices, job: IngestJob): Promise<void> {
  const [source, stored] = await jobScope(s, job.tenantId).read(async (tx) => [
    await createDocumentStore(tx).find(job.documentId),
    await createDocumentContentStore(tx).read(job.documentId),
  ]);
  if (!source || source.status === "READY" || source.status === "FAILED") return;
  const mimeType = supportedMimeType(source.mimeType);
  const inline = source.source !== "ASSET" || source.checksum !== null;
  let parsed: TextChunk[] | null = null;
  if (mimeType && inline && stored && source.status === "PENDING") {
    // Content that does not parse fails on the step-by-step path below, after PROCESSING.
    parsed = await parseDocument(mimeType, stored).then(
      (text) => chunkText(text, s.config.chunking),
      () => null,
    );
    if (parsed && parsed.length <= s.config.ingestBatchChunks) {
      await ingestInOneStep(s, job, source, await embedBatch(s, source, parsed));
      // A first ingestion staged exactly these points; a re-index may leave others to reconcile.
      if (source.chunkCount === 0)
        await s.store.markReady(s.collection, { tenantId: job.tenantId, documentId: job.documentId });
      else await syncDocumentVectors(s, job.tenantId, job.documentId);
      return;
    }
  }
  await transition(s, job, {
    from: ["PENDING", "PROCESSING"],
    type: "PROCESSING",
    apply: (_tx, state) =>
      state.status === "PENDING" ? { status: "PROCESSING", embeddingModel: s.embedder.model } : null,
  });
  if (!mimeType) throw new ParseError(`unsupported MIME type ${source.mimeType}`);
  const content = inline ? stored : await fetchAssetContent(s, job, source);
  if (!content) throw new IngestionSuperseded(job.documentId);
  const chunks = parsed ?? chunkText(await parseDocument(mimeType, content), s.config.chunking);
  const counted = await transition(s, job, {
    from: ["PROCESSING"],
    type: "PROGRESS",
    apply: () => (source.chunkCount !== chunks.length ? { chunkCount: chunks.length } : null),
  });
  await embedMissing(s, job, counted ?? source, chunks);
  // Recounted at the end: a duplicate delivery's progress update may have counted before this
  // job's last batch committed.
  await transition(s, job, {
    from: ["PROCESSING"],
    type: "READY",
    apply: async (tx) => ({
      status: "READY",
      readyAt: new Date(),
      error: null,
      chunksEmbedded: await createChunkStore(tx).countOf(job.documentId),
    }),
  });
  await syncDocumentVectors(s, job.tenantId, job.documentId);
}
