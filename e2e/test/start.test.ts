import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// Well away from the default stack, so a developer's `npm start` keeps running.
const portBase = 20_000 + Math.floor(Math.random() * 400) * 10;
const gatewayUrl = `http://127.0.0.1:${portBase}/graphql`;
const stackPorts = [0, 1, 2, 3, 4].map((offset) => portBase + offset);
let dataDir: string;
let embeddedPort: number;
let stack: ChildProcess;
let output = "";
let upAfterMs = 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(true));
    probe.listen(port, "0.0.0.0", () => probe.close(() => resolve(false)));
  });
}

/** `npm start` with nothing configured, on a machine whose default PostgreSQL URL answers nothing. */
function startStack(env: Record<string, string>): ChildProcess {
  const { DATABASE_URL: _unset, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...inherited, PORT_BASE: String(portBase), LOG_LEVEL: "warn", ATELIER_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return child;
}

async function graphql(query: string, token?: string) {
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "atelier-start-"));
  embeddedPort = await freePort();
  const closedPort = await freePort();
  const started = Date.now();
  stack = startStack({
    LOCAL_DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/atelier`,
    EMBEDDED_POSTGRES_PORT: String(embeddedPort),
  });
  const deadline = Date.now() + 150_000;
  while (!output.includes("Atelier is up") && Date.now() < deadline && stack.exitCode === null) {
    await new Promise((r) => setTimeout(r, 250));
  }
  upAfterMs = Date.now() - started;
  if (!output.includes("Atelier is up")) throw new Error(`npm start did not come up:\n${output.slice(-3000)}`);
});

afterAll(async () => {
  // SIGTERM, never SIGKILL first: start.ts stops its services and PostgreSQL on it.
  if (stack && stack.exitCode === null) {
    const exited = new Promise((r) => stack.once("exit", r));
    stack.kill("SIGTERM");
    const timer = setTimeout(() => stack.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe("npm start with no PostgreSQL at the default URL (the embedded default)", () => {
  it("starts its own PostgreSQL and answers { __typename } through the gateway within 60 s", async () => {
    console.info(`stack up after ${(upAfterMs / 1000).toFixed(1)} s`);
    expect(output).toContain("(embedded)");
    expect(upAfterMs).toBeLessThan(60_000);
    expect(await graphql("{ __typename }")).toEqual({ data: { __typename: "Query" } });
  });

  it("prints the demo credentials, and the demo login works through the gateway", async () => {
    const email = /([\w.-]+@atelier\.local) \/ (\S+)/.exec(output);
    expect(email).not.toBeNull();
    const login = await graphql(
      `mutation { login(input: { email: "${email![1]}", password: "${email![2]}" }) { accessToken } }`,
    );
    const token = login.data?.login?.accessToken as string;
    expect(token).toMatch(/^ey/);
    const me = await graphql("{ me { email } myMemberships { role } }", token);
    expect(me.data).toEqual({ me: { email: email![1] }, myMemberships: [{ role: "OWNER" }] });
  });

  it("refuses to start a second stack on ports in use, naming them, and starts nothing", async () => {
    const second = startStack({ EMBEDDED_POSTGRES_PORT: String(await freePort()) });
    let secondOutput = "";
    second.stderr?.on("data", (chunk) => (secondOutput += chunk));
    const code = await new Promise((r) => second.once("exit", r));
    expect(code).toBe(1);
    expect(secondOutput).toContain(`${portBase} (gateway)`);
    expect(secondOutput).toContain("PORT_BASE");
  });

  it("on SIGTERM stops every service and its PostgreSQL, and exits 0", async () => {
    const exited = new Promise((r) => stack.once("exit", r));
    stack.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const port of [...stackPorts, embeddedPort]) expect(await listening(port), `port ${port}`).toBe(false);
  });
});
