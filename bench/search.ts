/**
 * Knowledge search benchmark. 1) 100,000 chunks in one tenant among 10 tenants, written straight
 * through the data layer (Postgres rows + vectors), with NO `ANALYZE` ever run (autovacuum is off
 * on these machines: plans must not depend on statistics); then the real service (rebuilding its
 * embedded store and lexical index from Postgres) is timed over HTTP for DENSE, KEYWORD and
 * HYBRID searches, one at a time after a warm-up (p50/p95), then HYBRID with several in flight.
 * 2) Ingestion throughput through the real pipeline (GraphQL create → job queue → parse →
 * chunk → embed → write → READY): documents/s for 1 KB documents and MB/s for 500 KB ones.
 * Run: npm run bench:search  (BENCH_CHUNKS, BENCH_OTHER_CHUNKS, BENCH_SMALL_DOCS, BENCH_INGEST_MB)
 */
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createTestDatabase, signIdentity, testKeys } from "@atelier/testing";
import { loadKnowledgeConfig } from "../subgraphs/knowledge/src/config";
import { createKnowledgeService } from "../subgraphs/knowledge/src/server";
import { ingestionThroughput } from "./search/ingestion-throughput";
import { passage, rand, seedTenant, sentence, word } from "./search/seed-chunks";

const BIG_TENANT_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 100_000);
const OTHER_TENANTS = 9;
const OTHER_TENANT_CHUNKS = Number(process.env.BENCH_OTHER_CHUNKS ?? 2_000);
const SMALL_DOCS = Number(process.env.BENCH_SMALL_DOCS ?? 1000);
const INGEST_MB = Number(process.env.BENCH_INGEST_MB ?? 20);
const SEARCHES = 200;
const IN_FLIGHT = 4;

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
};
try {
  console.log(`load before: ${load()}`);
  // 1. Seed: documents and chunks straight through the data layer, vectors from the built-in embedder.
  const writer = await createKnowledgeService(loadKnowledgeConfig({ ...env, RUN_WORKER: "false" }));
  const tenants = [randomUUID(), ...Array.from({ length: OTHER_TENANTS }, () => randomUUID())];
  const seedStarted = performance.now();
  for (const [t, tenantId] of tenants.entries()) {
    await seedTenant(writer, tenantId, t === 0 ? BIG_TENANT_CHUNKS : OTHER_TENANT_CHUNKS);
  }
  console.log(
    `seeded ${BIG_TENANT_CHUNKS + OTHER_TENANTS * OTHER_TENANT_CHUNKS} chunks (${BIG_TENANT_CHUNKS} in one tenant, ${OTHER_TENANTS} others × ${OTHER_TENANT_CHUNKS}) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; no ANALYZE run (planner statistics never collected)`,
  );
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

  // 3. Ingestion throughput through the real pipeline, in fresh tenants (the service's in-process worker).
  const { workerConcurrency } = service.services.config;
  const small = await ingestionThroughput(
    service,
    Array.from({ length: SMALL_DOCS }, (_, i) => ({
      title: `Note ${i}`,
      mimeType: "text/plain",
      text: `${i} ${passage(10)}`.slice(0, 1024),
    })),
  );
  console.log(
    `ingestion, small: ${small.documents} documents of ~1 KB in ${small.seconds.toFixed(1)} s = ${(small.documents / small.seconds).toFixed(1)} documents/s (creating them ${small.createSeconds.toFixed(1)} s; service CPU ${small.cpuSeconds.toFixed(1)} s = ${((small.cpuSeconds / small.documents) * 1000).toFixed(1)} ms a document)`,
  );
  // Documents of about 500 KB of Markdown each (a long report).
  const large = await ingestionThroughput(
    service,
    Array.from({ length: INGEST_MB * 2 }, (_, i) => ({
      title: `Report ${i}`,
      mimeType: "text/markdown",
      text: `# ${sentence()}\n\n${Array.from({ length: 1100 }, () => passage(5)).join("\n\n")}`,
    })),
    2,
  );
  console.log(
    `ingestion, large: ${large.megabytes.toFixed(1)} MB of Markdown in ${large.documents} documents → ${large.chunks} chunks in ${large.seconds.toFixed(1)} s = ${(large.megabytes / large.seconds).toFixed(2)} MB/s (service CPU ${large.cpuSeconds.toFixed(1)} s)`,
  );
  console.log(
    `worker: ${workerConcurrency} slots, ${service.services.embedder.model} (${service.services.embedder.dimensions} dims)`,
  );
  console.log(`load after: ${load()}`);
  await service.stop();
} finally {
  await db.drop();
}
