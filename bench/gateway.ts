/**
 * npm run bench:gateway — plain `@apollo/gateway` against Atelier's gateway on the public
 * gateways-benchmark supergraph (bench/products-supergraph: accounts, inventory, products, reviews),
 * in interleaved rounds of one run. Each gateway runs compiled in its own process pinned to core 0;
 * the load driver and the subgraphs share core 1. Every response is checked against the reference.
 * Env: BENCH_ROUNDS (3), BENCH_SECONDS (8), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (50),
 * BENCH_PROFILE_DIR (CPU profile of ours), BENCH_NODE_ARGS (extra node flags for ours),
 * BENCH_PLAIN_NODE_ARGS (node flags for plain Apollo, e.g. ours' heap flags for comparison),
 * BENCH_APOLLO_PATH=1 (also ours with FAST_PATH=false: every query through Apollo, as before the fast path).
 * Ours runs with the heap flags of its production image (gateway/src/node-flags.ts).
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { generateInternalKeyPair } from "@atelier/internal-auth";
import autocannon from "autocannon";
import { parse } from "graphql";
import { GATEWAY_NODE_FLAGS } from "../gateway/src/node-flags";
import { loadRound, type RoundResult, type Target } from "./load-round";
import { cpuSeconds, type ProcessMemory, peakRssMiB, processMemory } from "./process-stats";
import { BENCH_QUERY } from "./products-supergraph/query";
import { BENCH_SUBGRAPHS } from "./products-supergraph/subgraphs";
import { type GatewayTotals, printSummary } from "./products-supergraph/summary";
import { hasTaskset, startChild } from "./servers/child-process";
import { compileEntry } from "./servers/compile-entry";

const env = process.env;
const rounds = Number(env.BENCH_ROUNDS ?? 3);
const seconds = Number(env.BENCH_SECONDS ?? 8);
const warmupSeconds = Number(env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(env.BENCH_CONNECTIONS ?? 50);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const children: ChildProcess[] = [];
const GATEWAY_CORE = 0;
const DRIVER_CORE = 1;

function writeSupergraph(urls: Record<string, string>): string {
  const composed = composeServices(
    BENCH_SUBGRAPHS.map((s) => ({ name: s.name, url: urls[s.name], typeDefs: parse(s.sdl) })),
  );
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const path = join(mkdtempSync(join(tmpdir(), "atelier-bench-")), "supergraph.graphql");
  writeFileSync(path, composed.supergraphSdl);
  return path;
}

async function startGateways(supergraphPath: string) {
  const plainJs = await compileEntry(here("./servers/plain-gateway-process.ts"), "plain-gateway");
  const oursJs = await compileEntry(here("./servers/atelier-gateway-process.ts"), "atelier-gateway");
  const profile = env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${env.BENCH_PROFILE_DIR}`] : [];
  const extra = env.BENCH_NODE_ARGS ? env.BENCH_NODE_ARGS.split(" ") : [];
  const plainArgs = env.BENCH_PLAIN_NODE_ARGS ? env.BENCH_PLAIN_NODE_ARGS.split(" ") : [];
  const plain = await startChild(
    plainJs,
    {},
    { compiled: true, cpu: GATEWAY_CORE, args: [supergraphPath], nodeArgs: plainArgs },
  );
  children.push(plain.child);
  const oursEnv = {
    SUPERGRAPH_PATH: supergraphPath,
    INTERNAL_JWT_PRIVATE_KEY: generateInternalKeyPair().privateKey,
    ALLOW_ANONYMOUS: "true",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    // Wide limits: the bench measures their cost, not their refusals.
    MAX_COST: "10000000",
    MAX_DEPTH: "50",
    RATE_LIMIT_ANONYMOUS_CAPACITY: "0",
  };
  const ours = await startChild(oursJs, oursEnv, {
    compiled: true,
    cpu: GATEWAY_CORE,
    nodeArgs: [...GATEWAY_NODE_FLAGS, ...profile, ...extra],
  });
  children.push(ours.child);
  const gateways = [
    { name: "plain @apollo/gateway 2.14.4", url: plain.info.url!, pid: plain.child.pid!, nodeArgs: plainArgs },
    { name: "atelier gateway", url: ours.info.url!, pid: ours.child.pid!, nodeArgs: [...GATEWAY_NODE_FLAGS, ...extra] },
  ];
  if (env.BENCH_APOLLO_PATH === "1") {
    const apolloPath = await startChild(
      oursJs,
      { ...oursEnv, FAST_PATH: "false" },
      { compiled: true, cpu: GATEWAY_CORE, nodeArgs: [...GATEWAY_NODE_FLAGS] },
    );
    children.push(apolloPath.child);
    gateways.push({
      name: "atelier, FAST_PATH=false",
      url: apolloPath.info.url!,
      pid: apolloPath.child.pid!,
      nodeArgs: [...GATEWAY_NODE_FLAGS],
    });
  }
  return gateways;
}

async function post(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${url}: ${response.status} ${text}`);
  return text;
}

/** Where each gateway's resident memory stands: started (idle), peak under load, and at the end. */
function printMemory(gateways: { name: string; pid: number; nodeArgs: string[] }[], started: (ProcessMemory | null)[]) {
  const mib = (v: number | undefined) => (v === undefined ? "n/a" : `${v.toFixed(0)} MiB`);
  console.log(
    "\nresident memory (MiB): started → peak under load; at the end anonymous (heap, buffers) + file (node binary)",
  );
  gateways.forEach((g, i) => {
    const end = processMemory(g.pid);
    console.log(
      `${g.name.padEnd(30)} ${mib(started[i]?.rss)} → ${mib(end?.peak)}; end ${mib(end?.anon)} + ${mib(end?.file)}; node flags: ${g.nodeArgs.join(" ") || "none"}`,
    );
  });
}

async function main(): Promise<void> {
  const pinned = hasTaskset();
  if (pinned) spawnSync("taskset", ["-apc", String(DRIVER_CORE), String(process.pid)], { stdio: "ignore" });
  const subgraphs = await startChild(here("./servers/products-subgraphs-process.ts"), {}, { cpu: DRIVER_CORE });
  children.push(subgraphs.child);
  const subgraphRequests = async () => Number(await (await fetch(subgraphs.info.statsUrl!)).text());
  const gateways = await startGateways(writeSupergraph(subgraphs.info));
  // Resident memory once started, before any request: what the process holds before load adds to it.
  const startedMemory = gateways.map((g) => processMemory(g.pid));
  const body = JSON.stringify({ query: BENCH_QUERY });
  const reference = await post(gateways[0]!.url, body);
  for (const gateway of gateways.slice(1)) {
    const answer = await post(gateway.url, body);
    if (answer !== reference)
      throw new Error(`${gateway.name} answers differently:\n${answer}\nreference:\n${reference}`);
  }
  // Subgraph calls of one operation, measured alone: under load, calls still in flight blur the count.
  const fetchesPerOperation: number[] = [];
  for (const gateway of gateways) {
    const before = await subgraphRequests();
    await post(gateway.url, body);
    fetchesPerOperation.push((await subgraphRequests()) - before);
  }
  console.log(
    `reference answer: ${reference.length} bytes; ${pinned ? "gateways pinned to core 0, driver and subgraphs to core 1" : "taskset not found: nothing pinned"}`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );

  const totals: GatewayTotals[] = gateways.map((g, i) => ({
    ...g,
    rounds: [],
    cpu: 0,
    fetchesPerOperation: fetchesPerOperation[i] ?? 0,
  }));
  for (let round = 1; round <= rounds; round++) {
    for (const gateway of totals) {
      const target: Target = {
        url: gateway.url,
        headers: { "content-type": "application/json" },
        body,
        expectBody: reference,
      };
      await autocannon({ ...target, method: "POST", connections, duration: warmupSeconds });
      const cpuBefore = cpuSeconds(gateway.pid) ?? 0;
      const result: RoundResult = await loadRound(target, connections, seconds);
      const cpu = (cpuSeconds(gateway.pid) ?? 0) - cpuBefore;
      gateway.cpu += cpu;
      gateway.rounds.push(result);
      const cpuPerSecond = cpu / seconds;
      console.log(
        `round ${round} ${gateway.name.padEnd(30)} ${(result.requests / seconds).toFixed(0).padStart(6)} req/s, gateway CPU ${(cpuPerSecond * 100).toFixed(0)}%`,
      );
    }
  }
  for (const gateway of totals) gateway.peakRssMiB = peakRssMiB(gateway.pid);
  printSummary(totals, { connections, seconds, rounds, warmupSeconds });
  printMemory(gateways, startedMemory);
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

try {
  await main();
} finally {
  for (const child of children) child.kill("SIGTERM");
}
