/**
 * `npm run bench:subscriptions`: commit-to-client latency of subscription events through one
 * gateway with 1,000 concurrent graphql-ws subscribers on one stream, for two audiences: the
 * same dashboard open 1,000 times (one identity), and 1,000 different people (1,000 identities).
 * Each event carries its commit time; the client measures its arrival. The ticker stack marks
 * `Person.name` viewer-dependent: a selection without it is read once per tenant and role, one
 * with it once per identity.
 */

import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { startSubscriptionStack } from "../gateway/test/support/subscription-stack";
import type { TickerSubgraphs } from "../gateway/test/support/ticker-subgraphs";
import { startChild } from "./servers/child-process";
import { clientsInOwnProcess, clientsInThisProcess } from "./subscription-clients";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 30);
const QUERY = `subscription Ticks($streamId: ID!) { tickUpdated(streamId: $streamId) { label } }`;
const VIEWER_DEPENDENT_QUERY = `subscription Ticks($streamId: ID!) { tickUpdated(streamId: $streamId) { label owner { name } } }`;

/** BENCH_PROFILE=<path prefix>: a CPU profile of the events' delivery only (not of the set-up), for DevTools. */
async function startProfile(): Promise<() => Promise<string>> {
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.start");
  return async () => {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    session.disconnect();
    return JSON.stringify(profile);
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function run(stack: Awaited<ReturnType<typeof startSubscriptionStack>>, identities: number, query: string) {
  const tenant = randomUUID();
  const stream = randomUUID();
  const tokens = await Promise.all(Array.from({ length: identities }, () => stack.token(tenant)));
  const plan = {
    wsUrl: stack.wsUrl(),
    query,
    variables: { streamId: stream },
    tokens: Array.from({ length: SUBSCRIBERS }, (_, i) => tokens[i % identities]!),
  };
  const clients = separateClients ? await clientsInOwnProcess(plan) : clientsInThisProcess(plan);
  await new Promise((r) => setTimeout(r, Number(process.env.BENCH_SETTLE_MS ?? 10_000)));
  // CPU spent by this process (gateway, subgraphs and clients) from the first event to the last delivery:
  // on a shared machine it moves less with other load than the latencies do.
  const cpuBefore = process.cpuUsage();
  await refreshStats();
  const readsBefore = { events: stack.catchUpReads(), people: stack.personReads(), requests: stack.personRequests() };
  const profiling = process.env.BENCH_PROFILE ? await startProfile() : undefined;
  for (let i = 0; i < EVENTS; i++) {
    await stack.appendTick(tenant, stream, String(Date.now()));
    await new Promise((r) => setTimeout(r, 100));
  }
  const expected = SUBSCRIBERS * EVENTS;
  const deadline = Date.now() + 60_000;
  while ((await clients.received()) < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const cpu = process.cpuUsage(cpuBefore);
  await refreshStats();
  const reads = {
    events: stack.catchUpReads() - readsBefore.events,
    people: stack.personReads() - readsBefore.people,
    requests: stack.personRequests() - readsBefore.requests,
  };
  if (profiling) writeFileSync(`${process.env.BENCH_PROFILE}-${identities}.cpuprofile`, await profiling());
  const latencies = await clients.latencies();
  await clients.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    delivered: latencies.length,
    expected,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
    reads,
    cpuMsPerEvent: Math.round((cpu.user + cpu.system) / 1000 / EVENTS),
  };
}

const scenarios = [
  { audience: "identity", identities: 1, query: QUERY, what: "one dashboard open 1,000 times" },
  {
    audience: "identity",
    identities: SUBSCRIBERS,
    query: QUERY,
    what: "distinct viewers, nothing viewer-dependent selected: one read per tenant and role",
  },
  {
    audience: "identity",
    identities: SUBSCRIBERS,
    query: VIEWER_DEPENDENT_QUERY,
    what: "distinct viewers, a viewer-dependent field selected: read per identity",
  },
] as const;
// FAST_PATH=false: every catch-up read through Apollo Server, as before reads were planned once and shared.
const fastPath: Record<string, string> = process.env.FAST_PATH ? { FAST_PATH: process.env.FAST_PATH } : {};
/**
 * BENCH_SUBGRAPHS=process: the ticker subgraphs in their own Node process, as subgraphs are deployed,
 * so their work is not charged to the gateway's thread; their stats are fetched when read.
 */
const separateSubgraphs = process.env.BENCH_SUBGRAPHS === "process";
/** BENCH_CLIENTS=process: the 1,000 graphql-ws clients in a process of their own, not on the gateway's thread. */
const separateClients = process.env.BENCH_CLIENTS === "process";
let refreshStats = async () => {};
async function subgraphsInProcess(databaseUrl: string, publicKey: string): Promise<TickerSubgraphs> {
  const { info, child } = await startChild(new URL("./servers/ticker-subgraphs-process.ts", import.meta.url).pathname, {
    TICKER_DATABASE_URL: databaseUrl,
    TICKER_INTERNAL_PUBLIC_KEY: publicKey,
  });
  const stats = { catchUpReads: 0, personReads: 0, personRequests: 0 };
  refreshStats = async () => {
    Object.assign(stats, await (await fetch(info.statsUrl!)).json());
  };
  return {
    ticks: { url: info.ticks! },
    people: { url: info.people! },
    stats,
    async close() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
// BENCH_SCENARIOS=3 (or 1,3): only those scenarios, e.g. to profile one.
const only = process.env.BENCH_SCENARIOS?.split(",").map(Number);
for (const [index, scenario] of scenarios.entries()) {
  if (only && !only.includes(index + 1)) continue;
  // A thousand subscriptions opened in a second by one person is what the per-user rate limit
  // is for; the bench measures delivery, so it lifts the limit.
  const stack = await startSubscriptionStack({
    audience: scenario.audience,
    env: { RATE_LIMIT_USER_CAPACITY: "0", ...fastPath },
    ...(separateSubgraphs ? { startSubgraphs: subgraphsInProcess } : {}),
  });
  try {
    const r = await run(stack, scenario.identities, scenario.query);
    console.log(
      `${SUBSCRIBERS} subscribers, ${scenario.identities} identities, audience ${scenario.audience} (${scenario.what}): ` +
        `delivered ${r.delivered}/${r.expected}, commit-to-client p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms; ` +
        `subgraph reads: ${r.reads.events} of events, ${r.reads.people} of people in ${r.reads.requests} requests; CPU ${r.cpuMsPerEvent} ms per event; load ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`,
    );
  } finally {
    await stack.close();
  }
}
console.log(`load: ${execSync("uptime").toString().trim()}`);
