/**
 * npm run bench:creative — the creative subgraph's dashboard query and generation throughput.
 *
 * By default it starts the creative subgraph in-process (worker included, built-in provider) on a fresh
 * database, seeds 100 projects of 10 assets (2 versions each), and loads it over HTTP with autocannon.
 * To point it elsewhere (e.g. through the gateway):
 *   CREATIVE_BENCH_URL           GraphQL endpoint to load (e.g. http://127.0.0.1:4000/graphql)
 *   CREATIVE_BENCH_HEADERS       JSON object of request headers (e.g. {"authorization":"Bearer …"})
 *   CREATIVE_BENCH_TENANT_ID     the tenant those headers act in (seeded rows and credits go there)
 *   CREATIVE_BENCH_DATABASE_URL  the creative service's database, for seeding
 * Also: BENCH_SECONDS (10), BENCH_CONNECTIONS (4), BENCH_WARMUP_SECONDS (2), BENCH_LIFECYCLES (20),
 * BENCH_LIFECYCLE_CONCURRENCY (5), BENCH_IMAGE_SIZE (512).
 */
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { IDENTITY_HEADER, type Identity } from "@atelier/internal-auth";
import { createTestDatabase, signIdentity, testKeys } from "@atelier/testing";
import pg from "pg";
import { loadCreativeConfig } from "../subgraphs/creative/src/config";
import { createCreativeService } from "../subgraphs/creative/src/server";
import { loadTest } from "./load-test";

const env = process.env;
const seconds = Number(env.BENCH_SECONDS ?? 10);
const connections = Number(env.BENCH_CONNECTIONS ?? 4);
const warmupSeconds = Number(env.BENCH_WARMUP_SECONDS ?? 2);
const lifecycles = Number(env.BENCH_LIFECYCLES ?? 20);
const lifecycleConcurrency = Number(env.BENCH_LIFECYCLE_CONCURRENCY ?? 5);
const imageSize = Number(env.BENCH_IMAGE_SIZE ?? 512);

const DASHBOARD = `query Dashboard { workspaces(first: 100) { edges { node { id name
  projects(first: 100) { edges { node { id name status requestedAt
    assets(first: 10) { edges { node { id name type versions { versionNumber sizeBytes status } } } } } } } } } } }`;

async function seed(databaseUrl: string, tenantId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await pool.query(
      `WITH w AS (INSERT INTO creative.workspaces (id, "tenantId", name, "updatedAt")
                  VALUES (gen_random_uuid(), $1::uuid, 'Bench client ' || substr(md5(random()::text), 1, 8), now()) RETURNING id),
            p AS (INSERT INTO creative.projects (id, "tenantId", "workspaceId", name, status, "updatedAt")
                  SELECT gen_random_uuid(), $1::uuid, w.id, 'Project ' || g, 'REQUESTED', now() FROM w, generate_series(1, 100) g
                  RETURNING id, "workspaceId"),
            a AS (INSERT INTO creative.assets (id, "tenantId", "workspaceId", "projectId", name, type, "mimeType", "updatedAt")
                  SELECT gen_random_uuid(), $1::uuid, p."workspaceId", p.id, 'Asset ' || g, 'UPLOADED', 'image/png', now()
                    FROM p, generate_series(1, 10) g RETURNING id)
       INSERT INTO creative.asset_versions (id, "tenantId", "assetId", "versionNumber", "storageKey", "mimeType", "sizeBytes", status)
       SELECT gen_random_uuid(), $1::uuid, a.id, v, 'bench/' || a.id || '/v' || v, 'image/png', 2048, 'READY'
         FROM a, generate_series(1, 2) v`,
      [tenantId],
    );
    await pool.query(
      `INSERT INTO creative.credit_transactions (id, "tenantId", kind, amount, description) VALUES (gen_random_uuid(), $1::uuid, 'GRANT', 1000000, 'bench')`,
      [tenantId],
    );
  } finally {
    await pool.end();
  }
}

async function graphql(
  url: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, never>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data as Record<string, Record<string, Record<string, unknown>>>;
}

async function oneLifecycle(url: string, headers: Record<string, string>, workspaceId: string, n: number) {
  const created = await graphql(
    url,
    headers,
    `mutation($i: CreateGenerationRequestInput!) { createGenerationRequest(input: $i) { generationRequest { id } } }`,
    {
      i: { workspaceId, prompt: `bench poster ${n}`, seed: n, parameters: { width: imageSize, height: imageSize } },
    },
  );
  const id = created.createGenerationRequest!.generationRequest!.id as string;
  const poll = async (status: string) => {
    for (;;) {
      const data = await graphql(
        url,
        headers,
        `query($id: ID!) { generationRequest(id: $id) { status samples { id } } }`,
        { id },
      );
      const request = data.generationRequest as unknown as { status: string; samples: { id: string }[] };
      if (request.status === status) return request;
      if (["FAILED", "CANCELLED", "CONTENT_REJECTED"].includes(request.status))
        throw new Error(`lifecycle ended ${request.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const awaiting = await poll("AWAITING_SELECTION");
  await graphql(
    url,
    headers,
    `mutation($i: SelectGenerationSampleInput!) { selectGenerationSample(input: $i) { generationRequest { id } } }`,
    {
      i: { generationRequestId: id, sampleAssetId: awaiting.samples[0]!.id },
    },
  );
  await poll("COMPLETED");
}

async function main() {
  const external = env.CREATIVE_BENCH_URL;
  const tenantId = external ? (env.CREATIVE_BENCH_TENANT_ID ?? "") : randomUUID();
  if (external && (!tenantId || !env.CREATIVE_BENCH_DATABASE_URL)) {
    throw new Error("CREATIVE_BENCH_URL needs CREATIVE_BENCH_TENANT_ID and CREATIVE_BENCH_DATABASE_URL (for seeding)");
  }
  const identity: Identity = {
    kind: "user",
    userId: randomUUID(),
    tenantId,
    role: "ADMIN",
    sessionId: null,
    scopes: [],
  };
  let stop = async () => {};
  let url = external ?? "";
  let databaseUrl = env.CREATIVE_BENCH_DATABASE_URL ?? "";
  let headers: Record<string, string> = {
    "content-type": "application/json",
    ...JSON.parse(env.CREATIVE_BENCH_HEADERS ?? "{}"),
  };
  if (!external) {
    const database = await createTestDatabase("creative");
    const storageDir = await mkdtemp(path.join(tmpdir(), "creative-bench-"));
    const config = loadCreativeConfig({
      DATABASE_URL: database.url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
      STORAGE_DIR: storageDir,
      DATABASE_POOL_MAX: "10",
    });
    const service = await createCreativeService(config);
    url = service.url;
    databaseUrl = database.url;
    headers = { ...headers, [IDENTITY_HEADER]: await signIdentity(identity) };
    stop = async () => {
      await service.stop();
      await database.drop();
      await rm(storageDir, { recursive: true, force: true });
    };
  }
  try {
    await seed(databaseUrl, tenantId);
    const check = await graphql(url, headers, DASHBOARD);
    const edges = check.workspaces!.edges as unknown as {
      node: { id: string; projects: { edges: { node: { assets: { edges: unknown[] } } }[] } };
    }[];
    const projects = edges.flatMap((w) => w.node.projects.edges);
    const assets = projects.flatMap((p) => p.node.assets.edges).length;
    console.log(
      `target ${url}: ${edges.length} workspace(s), ${projects.length} projects, ${assets} assets (2 versions each)`,
    );
    console.log(`load before: ${execSync("uptime").toString().trim()}`);
    const result = await loadTest({
      name: "dashboard",
      url,
      headers,
      body: JSON.stringify({ query: DASHBOARD }),
      connections,
      seconds,
      warmupSeconds,
    });
    console.log(
      `dashboard query: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, errors ${result.errors} (${connections} connections, ${seconds}s)`,
    );
    const workspaceId = edges.at(-1)!.node.id;
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: lifecycleConcurrency }, async () => {
        while (next < lifecycles) await oneLifecycle(url, headers, workspaceId, next++);
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    console.log(
      `generation lifecycles: ${lifecycles} completed in ${elapsed.toFixed(1)} s = ${(lifecycles / elapsed).toFixed(2)}/s ` +
        `(built-in provider, ${imageSize}x${imageSize} final, 4 samples 256x256, ${lifecycleConcurrency} concurrent, queue polling 0.5 s)`,
    );
    console.log(`load after: ${execSync("uptime").toString().trim()}`);
  } finally {
    await stop();
  }
}

await main();
process.exit(0);
