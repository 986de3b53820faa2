import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { subscribe } from "../../gateway/test/support/ws-client";
import { announceReady } from "./child-process";

/**
 * The subscription bench's graphql-ws clients in their own process, as a gateway's subscribers are
 * elsewhere in production: their parsing is not charged to the gateway's thread. Each `next` carries
 * its commit time; the latencies go back to the bench on one line when it writes `report`.
 */
interface Plan {
  wsUrl: string;
  query: string;
  variables: Record<string, unknown>;
  tokens: string[];
}
const plan = JSON.parse(readFileSync(process.env.BENCH_CLIENTS_PLAN ?? "", "utf8")) as Plan;
const latencies: number[] = [];
const perEvent = new Map<string, number[]>();
for (const token of plan.tokens) {
  const sub = subscribe<{ tickUpdated: { label: string } }>(plan.wsUrl, token, plan.query, plan.variables);
  sub.values.push = (value) => {
    const label = value.tickUpdated.label;
    const latency = Date.now() - Number(label);
    perEvent.get(label)?.push(latency) ?? perEvent.set(label, [latency]);
    return latencies.push(latency);
  };
}
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "count") process.stdout.write(`BENCH_COUNT ${latencies.length}\n`);
  if (line === "report") process.stdout.write(`BENCH_LATENCIES ${JSON.stringify(latencies)}\n`);
  // BENCH_PER_EVENT=1: each event's fastest, median and slowest delivery, in commit order.
  if (line === "report" && process.env.BENCH_PER_EVENT)
    for (const [label, all] of perEvent) {
      all.sort((a, b) => a - b);
      process.stderr.write(
        `event ${label}: ${all.length} delivered, ${all[0]} / ${all[all.length >> 1]} / ${all.at(-1)} ms\n`,
      );
    }
});
announceReady({});
