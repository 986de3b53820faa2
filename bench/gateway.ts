/**
 * npm run bench:gateway — Atelier's gateway against a plain Apollo Gateway on the same two subgraphs, and
 * the same operation sent to Atelier by persisted id (extensions.persistedQuery) instead of as a document.
 * Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_WARMUP_SECONDS (2). To bench other subgraphs:
 * BENCH_SUPERGRAPH_PATH, BENCH_QUERY, BENCH_BEARER_TOKEN, BENCH_INTERNAL_JWT_PRIVATE_KEY, BENCH_IDENTITY_JWKS_URL.
 * BENCH_PROFILE_DIR=dir writes a CPU profile of our gateway.
 */
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { createInternalTokenSigner, generateInternalKeyPair, IDENTITY_HEADER } from "@atelier/internal-auth";
import { parse } from "graphql";
import { startBenchIssuer } from "./bench-issuer";
import { type LoadResult, loadTest } from "./load-test";
import { startChild } from "./servers/child-process";
import { PROJECTS_SDL } from "./subgraphs/projects-subgraph";
import { USERS_SDL } from "./subgraphs/users-subgraph";

const env = process.env;
const seconds = Number(env.BENCH_SECONDS ?? 10);
const connections = Number(env.BENCH_CONNECTIONS ?? 50);
const warmupSeconds = Number(env.BENCH_WARMUP_SECONDS ?? 2);
const query = env.BENCH_QUERY ?? "query Projects { projects { id name owner { id email fullName } } }";
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const children: ChildProcess[] = [];

async function supergraphForBenchSubgraphs(publicKey: string): Promise<string> {
  const { info, child } = await startChild(here("./servers/subgraphs-process.ts"), {}, { args: [publicKey] });
  children.push(child);
  const composed = composeServices([
    { name: "projects", url: info.projectsUrl, typeDefs: parse(PROJECTS_SDL) },
    { name: "users", url: info.usersUrl, typeDefs: parse(USERS_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const path = join(mkdtempSync(join(tmpdir(), "atelier-bench-")), "supergraph.graphql");
  writeFileSync(path, composed.supergraphSdl);
  return path;
}

function printResults(results: LoadResult[]): void {
  console.log(`\n${connections} connections, ${seconds} s each after ${warmupSeconds} s warm-up\n`);
  console.log("gateway                          req/s     p50 ms  p95 ms  p99 ms  errors");
  for (const r of results) {
    const cells = [r.p50, r.p95, r.p99].map((v) => String(v.toFixed(1)).padStart(7)).join(" ");
    console.log(
      `${r.name.padEnd(30)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${cells} ${String(r.errors).padStart(7)}`,
    );
  }
  const asDocument = results.find((r) => r.name === "atelier (keep-alive fetcher)");
  const byId = results.find((r) => r.name === "atelier, persisted id");
  if (asDocument && byId) {
    const ratio = (byId.requestsPerSecond / asDocument.requestsPerSecond).toFixed(2);
    console.log(
      `same operation by id / as document: ${ratio}× req/s, p95 ${byId.p95.toFixed(1)} vs ${asDocument.p95.toFixed(1)} ms`,
    );
  }
  const plain = results.at(-1)!;
  for (const r of results.slice(0, -1)) {
    console.log(`${r.name} / ${plain.name}: ${(r.requestsPerSecond / plain.requestsPerSecond).toFixed(2)}×`);
  }
}

async function main(): Promise<void> {
  const generated = generateInternalKeyPair();
  const privateKey = env.BENCH_INTERNAL_JWT_PRIVATE_KEY ?? generated.privateKey;
  const issuer = await startBenchIssuer();
  const supergraphPath = env.BENCH_SUPERGRAPH_PATH ?? (await supergraphForBenchSubgraphs(generated.publicKey));
  const bearer = env.BENCH_BEARER_TOKEN ?? (await issuer.sign());
  const gatewayEnv = {
    SUPERGRAPH_PATH: supergraphPath,
    INTERNAL_JWT_PRIVATE_KEY: privateKey,
    IDENTITY_JWKS_URL: env.BENCH_IDENTITY_JWKS_URL ?? issuer.jwksUrl,
    // The gateway asks identity for every user's current role (a cache hit after the first request).
    IDENTITY_INTERNAL_URL: env.BENCH_IDENTITY_JWKS_URL ? new URL(env.BENCH_IDENTITY_JWKS_URL).origin : issuer.baseUrl,
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    // Limits on, but never reached: the bench measures their cost, not their refusals.
    RATE_LIMIT_USER_CAPACITY: "1000000000",
    RATE_LIMIT_USER_PER_SECOND: "1000000000",
  };
  // BENCH_PROFILE_DIR: write a CPU profile of our gateway (open it in Chrome DevTools).
  const profileArgs = env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${env.BENCH_PROFILE_DIR}`] : [];
  const ours = await startChild(here("./servers/atelier-gateway-process.ts"), gatewayEnv, { nodeArgs: profileArgs });
  const oursApolloFetcher = await startChild(here("./servers/atelier-gateway-process.ts"), {
    ...gatewayEnv,
    SUBGRAPH_FETCHER: "apollo-default",
  });
  const plain = await startChild(here("./servers/plain-gateway-process.ts"), {}, { args: [supergraphPath] });
  children.push(ours.child, oursApolloFetcher.child, plain.child);

  // The plain gateway cannot verify tokens: it forwards a pre-signed identity for the same user.
  const identityToken = await createInternalTokenSigner({ privateKey, ttlSeconds: 3600 }).sign({
    kind: "user",
    userId: "bench-user",
    tenantId: "bench-tenant",
    role: "ADMIN",
    sessionId: "bench-session",
    scopes: [],
  });
  const body = JSON.stringify({ query });
  const sha256Hash = createHash("sha256").update(query).digest("hex");
  const persisted = { extensions: { persistedQuery: { version: 1, sha256Hash } } };
  const json = { "content-type": "application/json" };
  const oursHeaders = { ...json, authorization: `Bearer ${bearer}` };
  // Registers the document under its hash (automatic persisted queries) before the id-only runs.
  await fetch(ours.info.url!, { method: "POST", headers: oursHeaders, body: JSON.stringify({ query, ...persisted }) });
  const targets: { name: string; url: string; headers: Record<string, string>; body?: string }[] = [
    { name: "atelier (keep-alive fetcher)", url: ours.info.url!, headers: oursHeaders },
    { name: "atelier, persisted id", url: ours.info.url!, headers: oursHeaders, body: JSON.stringify(persisted) },
    {
      name: "atelier (apollo fetcher)",
      url: oursApolloFetcher.info.url!,
      headers: { ...json, authorization: `Bearer ${bearer}` },
    },
    { name: "plain @apollo/gateway", url: plain.info.url!, headers: { ...json, [IDENTITY_HEADER]: identityToken } },
  ];
  for (const target of targets) {
    const response = await fetch(target.url, { method: "POST", headers: target.headers, body: target.body ?? body });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"'))
      throw new Error(`${target.name}: ${response.status} ${text}`);
  }
  const results: LoadResult[] = [];
  for (const target of targets) {
    results.push(await loadTest({ ...target, body: target.body ?? body, connections, seconds, warmupSeconds }));
  }
  printResults(results);
  issuer.close();
}

try {
  await main();
} finally {
  for (const child of children) child.kill("SIGTERM");
}
