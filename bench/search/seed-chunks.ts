import { randomUUID } from "node:crypto";
import { withTenantSql } from "@atelier/db";
import { systemActor } from "@atelier/subgraph-kit";
import { createChunkStore } from "../../subgraphs/knowledge/src/data/chunk-store";
import { chunkId } from "../../subgraphs/knowledge/src/ingestion/chunk-id";
import type { createKnowledgeService } from "../../subgraphs/knowledge/src/server";
import { vectorToBytes } from "../../subgraphs/knowledge/src/vector-store/vector-bytes";

type KnowledgeService = Awaited<ReturnType<typeof createKnowledgeService>>;

const CHUNKS_PER_DOC = 100;

// A deterministic PRNG and a Zipf-distributed vocabulary: a few words are everywhere, most are rare.
let seed = 42;
export const rand = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const SYLLABLES = "ka lo mi ne ru sa ti vo pe da gu ri zo fa le mo ni ta be co".split(" ");
const VOCAB = Array.from({ length: 8000 }, () =>
  Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(""),
);
export const word = () => VOCAB[Math.min(VOCAB.length - 1, Math.floor(Math.exp(rand() * Math.log(VOCAB.length))) - 1)]!;
export const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(rand() * 12) }, word);
  return `${words[0]![0]!.toUpperCase()}${words.join(" ").slice(1)}.`;
};
export const passage = (sentences: number) => Array.from({ length: sentences }, sentence).join(" ");

/**
 * Writes READY documents of `total` chunks in one tenant straight through the data layer (the
 * chunk rows as ingestion writes them, vectors from the service's embedder), as if ingested.
 */
export async function seedTenant(writer: KnowledgeService, tenantId: string, total: number): Promise<void> {
  const { db: prisma, embedder, sql } = writer.services;
  const workspaceId = randomUUID();
  for (let first = 0; first < total; first += CHUNKS_PER_DOC) {
    const documentId = randomUUID();
    const count = Math.min(CHUNKS_PER_DOC, total - first);
    const texts = Array.from({ length: count }, () => passage(6));
    const vectors = await embedder.embed(texts);
    await prisma.document.create({
      data: {
        id: documentId,
        tenantId,
        workspaceId,
        title: `Synthetic ${sentence()}`,
        mimeType: "text/plain",
        checksum: randomUUID().replaceAll("-", "").padEnd(64, "0"),
        content: Buffer.from(""),
        sizeBytes: 0,
        status: "READY",
        embeddingModel: embedder.model,
        chunkCount: count,
        chunksEmbedded: count,
        readyAt: new Date(),
      },
    });
    const rows = texts.map((text, index) => ({
      id: chunkId(documentId, embedder.model, index),
      tenantId,
      documentId,
      workspaceId,
      index,
      text,
      tokenCount: 100,
      embeddingModel: embedder.model,
      vector: vectorToBytes(vectors[index]!),
    }));
    await withTenantSql(sql, tenantId, (db) =>
      createChunkStore({ db, tenantId, actor: systemActor(tenantId, "bench") }).insert(rows),
    );
  }
}
