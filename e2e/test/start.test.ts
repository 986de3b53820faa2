import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { postgresServer } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// Well away from the default stack, so a developer's `npm start` keeps running.
const portBase = 20_000 + Math.floor(Math.random() * 400) * 10;
const gatewayUrl = `http://127.0.0.1:${portBase}/graphql`;
let databaseUrl: string;
let adminUrl: string;
let stack: ChildProcess;
let output = "";
let upAfterMs = 0;

async function graphql(query: string, token?: string) {
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
}

beforeAll(async () => {
  adminUrl = (await postgresServer()).adminUrl;
  const url = new URL(adminUrl);
  url.pathname = `/atelier_e2e_${randomBytes(4).toString("hex")}`;
  databaseUrl = url.toString();
  const started = Date.now();
  stack = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT_BASE: String(portBase), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  stack.stdout?.on("data", (chunk) => (output += chunk));
  stack.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  while (!output.includes("Atelier is up") && Date.now() < deadline && stack.exitCode === null) {
    await new Promise((r) => setTimeout(r, 250));
  }
  upAfterMs = Date.now() - started;
  if (!output.includes("Atelier is up")) throw new Error(`npm start did not come up:\n${output.slice(-3000)}`);
});

afterAll(async () => {
  stack?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1_000));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
});

describe("npm start (the embedded default)", () => {
  it("answers { __typename } through the gateway within 60 s", async () => {
    console.info(`stack up after ${(upAfterMs / 1000).toFixed(1)} s`);
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
});
