import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { subscribe } from "../gateway/test/support/ws-client";
import { startChild } from "./servers/child-process";

/** The bench's subscribers: how many events arrived, and each one's commit-to-client latency. */
export interface BenchClients {
  received(): Promise<number>;
  latencies(): Promise<number[]>;
  close(): Promise<void>;
}

interface Plan {
  wsUrl: string;
  query: string;
  variables: Record<string, unknown>;
  /** One per subscriber. */
  tokens: string[];
}

/** graphql-ws clients in the bench's own process (and thread) with the gateway. */
export function clientsInThisProcess(plan: Plan): BenchClients {
  const latencies: number[] = [];
  const subs = plan.tokens.map((token) => {
    const sub = subscribe<{ tickUpdated: { label: string } }>(plan.wsUrl, token, plan.query, plan.variables);
    sub.values.push = (value) => latencies.push(Date.now() - Number(value.tickUpdated.label));
    return sub;
  });
  return {
    received: async () => latencies.length,
    latencies: async () => latencies,
    async close() {
      for (const sub of subs) {
        sub.stop();
        void sub.client.dispose();
      }
    },
  };
}

/** graphql-ws clients in a process of their own, as a gateway's subscribers are in production. */
export async function clientsInOwnProcess(plan: Plan): Promise<BenchClients> {
  const file = join(tmpdir(), `bench-clients-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(plan));
  const { child } = await startChild(
    new URL("./servers/subscription-clients-process.ts", import.meta.url).pathname,
    { BENCH_CLIENTS_PLAN: file },
    { stdin: true },
  );
  const lines = createInterface({ input: child.stdout! });
  const ask = (question: string, prefix: string) =>
    new Promise<string>((resolve) => {
      const onLine = (line: string) => {
        if (!line.startsWith(prefix)) return;
        lines.off("line", onLine);
        resolve(line.slice(prefix.length));
      };
      lines.on("line", onLine);
      child.stdin!.write(`${question}\n`);
    });
  return {
    received: async () => Number(await ask("count", "BENCH_COUNT ")),
    latencies: async () => JSON.parse(await ask("report", "BENCH_LATENCIES ")) as number[],
    async close() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
