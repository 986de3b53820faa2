import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { composeServices } from "@apollo/composition";
import { generateInternalKeyPair } from "@atelier/internal-auth";
import { postgresServer } from "@atelier/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLOW_SUBGRAPH_SDL, startSlowSubgraph } from "./support/slow-subgraph";

const root = resolve(import.meta.dirname, "../..");
let subgraph: Awaited<ReturnType<typeof startSlowSubgraph>>;
let dir: string;
let gateway: ChildProcess;
let url: string;
let output = "";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  subgraph = await startSlowSubgraph();
  const composed = composeServices([{ name: "slow", url: subgraph.url, typeDefs: parse(SLOW_SUBGRAPH_SDL) }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  dir = mkdtempSync(join(tmpdir(), "atelier-drain-"));
  writeFileSync(join(dir, "supergraph.graphql"), composed.supergraphSdl);
  const port = await freePort();
  url = `http://127.0.0.1:${port}/graphql`;
  gateway = spawn(process.execPath, ["--import", "tsx", "gateway/src/index.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      SUPERGRAPH_PATH: join(dir, "supergraph.graphql"),
      INTERNAL_JWT_PRIVATE_KEY: generateInternalKeyPair().privateKey,
      ALLOW_ANONYMOUS: "true",
      DATABASE_URL: (await postgresServer()).adminUrl,
      DRAIN_TIMEOUT_MS: "10000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  gateway.stdout?.on("data", (c) => (output += c));
  gateway.stderr?.on("data", (c) => (output += c));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url.replace("/graphql", "/health")).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (gateway.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the gateway did not start:\n${output}`);
}, 60_000);

afterAll(async () => {
  if (gateway?.exitCode === null) gateway.kill("SIGKILL");
  await subgraph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  at: number;
  ok: boolean;
  error?: string;
}

describe("SIGTERM under load", () => {
  it("finishes every request accepted before the signal, then exits 0", async () => {
    const sent: Sent[] = [];
    let stop = false;
    // 20 clients, each sending 300 ms requests back to back on a kept-alive connection.
    const client = async () => {
      while (!stop) {
        const entry: Sent = { at: performance.now(), ok: false };
        sent.push(entry);
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: "{ slow(ms: 300) }" }),
          });
          const body = (await res.json()) as { data?: { slow?: string } };
          entry.ok = res.status === 200 && body.data?.slow === "slept 300";
          if (!entry.ok) entry.error = `HTTP ${res.status} ${JSON.stringify(body)}`;
        } catch (error) {
          entry.error = String((error as Error).cause ?? error);
          // Refused: the gateway stopped accepting.
          return;
        }
      }
    };
    const clients = Array.from({ length: 20 }, client);
    await new Promise((r) => setTimeout(r, 1_500));
    const signalledAt = performance.now();
    const exited = new Promise<number | null>((r) => gateway.once("exit", (code) => r(code)));
    gateway.kill("SIGTERM");
    const code = await exited;
    stop = true;
    await Promise.all(clients);

    // Sent 50 ms or more before the signal: on the wire, the gateway had them.
    const accepted = sent.filter((s) => s.at < signalledAt - 50);
    const inFlightAtSignal = accepted.filter((s) => s.at > signalledAt - 300);
    console.info(`${accepted.length} requests accepted before SIGTERM, ${inFlightAtSignal.length} in flight at it`);
    expect(accepted.length).toBeGreaterThanOrEqual(10);
    expect(inFlightAtSignal.length).toBeGreaterThan(0);
    expect(accepted.filter((s) => !s.ok).map((s) => ({ ...s, msBeforeSignal: signalledAt - s.at }))).toEqual([]);
    expect(code, output).toBe(0);
  });
});
