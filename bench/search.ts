/**
 * Knowledge search benchmark. 1) 100,000 chunks in one tenant among 10 tenants, written straight
 * through the data layer (Postgres rows + vectors), then the real service (rebuilding its
 * embedded store from Postgres) is timed over HTTP for DENSE, KEYWORD and HYBRID searches, one at a
 * time after a warm-up (p50/p95), then HYBRID with several searches in flight.
 * 2) Ingestion throughput in MB/s of text through the real pipeline (GraphQL create → job
 * queue → parse → chunk → embed → write → READY). Run: npm run bench:search
 */
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createTestDatabase, signIdentity, testKeys } from "@atelier/testing";
import { loadKnowledgeConfig } from "../subgraphs/knowledge/src/config";
import { chunkId } from "../subgraphs/knowledge/src/data/chunk-id";
import { vectorToBytes } from "../subgraphs/knowledge/src/data/vector-bytes";
import { createKnowledgeService } from "../subgraphs/knowledge/src/server";

const BIG_TENANT_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 100_000);
const OTHER_TENANTS = 9;
const OTHER_TENANT_CHUNKS = Number(process.env.BENCH_OTHER_CHUNKS ?? 2_000);
const CHUNKS_PER_DOC = 100;
const INGEST_MB = Number(process.env.BENCH_INGEST_MB ?? 20);
const SEARCHES = 200;
const IN_FLIGHT = 4;

// A deterministic PRNG and a Zipf-distributed vocabulary: a few words are everywhere, most are rare.
let seed = 42;
const rand = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const SYLLABLES = "ka lo mi ne ru sa ti vo pe da gu ri zo fa le mo ni ta be co".split(" ");
const VOCAB = Array.from({ length: 8000 }, () =>
  Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(""),
);
const word = () => VOCAB[Math.min(VOCAB.length - 1, Math.floor(Math.exp(rand() * Math.log(VOCAB.length))) - 1)]!;
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(rand() * 12) }, word);
  return `${words[0]![0]!.toUpperCase()}${words.join(" ").slice(1)}.`;
};
const passage = (sentences: number) => Array.from({ length: sentences }, sentence).join(" ");
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const load = () => execSync("uptime").toString().trim();

const db = await createTestDatabase("knowledge");
const env = {
  DATABASE_URL: db.url,
  INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
  WORKER_CONCURRENCY: "4",
};
try {
  console.log(`load before: ${load()}`);
  // 1. Seed: documents and chunks straight through the data layer, vectors from the built-in embedder.
  const writer = await createKnowledgeService(loadKnowledgeConfig({ ...env, RUN_WORKER: "false" }));
  const { db: prisma, embedder } = writer.services;
  const tenants = [randomUUID(), ...Array.from({ length: OTHER_TENANTS }, () => randomUUID())];
  const seedStarted = performance.now();
  let seeded = 0;
  for (const [t, tenantId] of tenants.entries()) {
    const total = t === 0 ? BIG_TENANT_CHUNKS : OTHER_TENANT_CHUNKS;
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
          title: `Synthetic ${first}`,
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
      await prisma.semanticChunk.createMany({
        data: texts.map((text, index) => ({
          id: chunkId(documentId, embedder.model, index),
          tenantId,
          documentId,
          workspaceId,
          index,
          text,
          tokenCount: 100,
          embeddingModel: embedder.model,
          vector: vectorToBytes(vectors[index]!),
        })),
      });
      seeded += count;
    }
  }
  console.log(
    `seeded ${seeded} chunks (${BIG_TENANT_CHUNKS} in one tenant, ${OTHER_TENANTS} others × ${OTHER_TENANT_CHUNKS}) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  // What autovacuum would do after a bulk load: fresh planner statistics.
  await prisma.$executeRawUnsafe(`ANALYZE knowledge."SemanticChunk"`);
  await prisma.$executeRawUnsafe(`ANALYZE knowledge."Document"`);
  await writer.stop();

  // 2. Search latency through the real service, whose embedded store rebuilds from Postgres at start.
  const rebuildStarted = performance.now();
  const service = await createKnowledgeService(loadKnowledgeConfig(env));
  console.log(
    `service start with embedded-store rebuild: ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s`,
  );
  const header = await signIdentity({
    kind: "user",
    userId: randomUUID(),
    tenantId: tenants[0]!,
    role: "EDITOR",
    sessionId: null,
    scopes: [],
  });
  const search = async (query: string, mode: string) => {
    const response = await fetch(service.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-atelier-identity": header },
      body: JSON.stringify({
        query: `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { score highlight chunk { id } document { id title } } }`,
        variables: { input: { query, mode, limit: 10 } },
      }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: { semanticSearch: unknown[] } };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.semanticSearch.length;
  };
  const queries = Array.from({ length: SEARCHES }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 4) }, word).join(" "),
  );
  for (const mode of ["DENSE", "KEYWORD", "HYBRID"]) {
    for (const q of queries.slice(0, 20)) await search(q, mode);
    const times: number[] = [];
    let empty = 0;
    for (const q of queries) {
      const started = performance.now();
      if ((await search(q, mode)) === 0) empty++;
      times.push(performance.now() - started);
    }
    console.log(
      `${mode.padEnd(7)} search over ${BIG_TENANT_CHUNKS} chunks, ${SEARCHES} queries over HTTP: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${empty} empty)`,
    );
  }
  // Several searches in flight, as behind a busy gateway: latency with queueing, and throughput.
  {
    const times: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let i = next++; i < queries.length; i = next++) {
          const searchStarted = performance.now();
          await search(queries[i]!, "HYBRID");
          times.push(performance.now() - searchStarted);
        }
      }),
    );
    const rate = queries.length / ((performance.now() - started) / 1000);
    console.log(
      `HYBRID  with ${IN_FLIGHT} searches in flight: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, ${rate.toFixed(0)} searches/s`,
    );
  }

  // 3. Ingestion throughput through the real pipeline, in a fresh tenant (the service's in-process worker).
  const ingestTenant = randomUUID();
  const ingestHeader = await signIdentity({
    kind: "user",
    userId: randomUUID(),
    tenantId: ingestTenant,
    role: "EDITOR",
    sessionId: null,
    scopes: [],
  });
  // Documents of about 500 KB of Markdown each (a long report): per-document overhead is the
  // queue polling interval (0.5 s, the pg-boss minimum) plus a handful of transactions.
  const docs = Array.from(
    { length: INGEST_MB * 2 },
    () => `# ${sentence()}\n\n${Array.from({ length: 1100 }, () => passage(5)).join("\n\n")}`,
  );
  const workspaceId = randomUUID();
  let bytes = 0;
  const started = performance.now();
  for (const [i, text] of docs.entries()) {
    bytes += Buffer.byteLength(text);
    const response = await fetch(service.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-atelier-identity": ingestHeader },
      body: JSON.stringify({
        query: `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`,
        variables: { input: { workspaceId, title: `Doc ${i}`, mimeType: "text/markdown", text } },
      }),
    });
    if (!response.ok) throw new Error(await response.text());
  }
  for (;;) {
    const rows = await service.services.db.document.groupBy({
      by: ["status"],
      _count: true,
      where: { tenantId: ingestTenant },
    });
    if ((rows.find((r) => r.status === "READY")?._count ?? 0) === docs.length) break;
    if (rows.some((r) => r.status === "FAILED")) throw new Error("ingestion failed");
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const chunks = await service.services.db.semanticChunk.count({ where: { tenantId: ingestTenant } });
  console.log(
    `ingestion: ${(bytes / 1e6).toFixed(1)} MB of Markdown in ${docs.length} documents → ${chunks} chunks in ${seconds.toFixed(1)} s = ${(bytes / 1e6 / seconds).toFixed(2)} MB/s (4 worker slots, ${embedder.model})`,
  );
  console.log(`load after: ${load()}`);
  await service.stop();
} finally {
  await db.drop();
}
