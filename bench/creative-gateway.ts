/**
 * `npm run bench:creative:gateway`: bench/creative.ts through the real gateway, identity,
 * workflows, knowledge and creative behind it, as a signed-up owner.
 *
 * BENCH_TOPOLOGY picks how the stack runs:
 *   processes (default)  one process per service, as production and `npm start` run it
 *                        (scripts/start.ts on a fresh database, ports from BENCH_PORT_BASE, 4600),
 *                        with NODE_ENV=production unless it is set (graphql-js drops its dev checks)
 *   in-process           every service and the gateway in this one Node process (e2e's stack):
 *                        the gateway's and creative's work then share one thread
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "@atelier/testing";
import { signUp } from "../e2e/test/support/client";
import { startStack } from "../e2e/test/support/stack";
import { waitForHealthy } from "../scripts/start/processes";

// The bench measures the query, not the per-user rate limit; and the dashboard asks for up to
// 100 × 100 × 100 nodes by its page sizes, far past the default cost limit of 10,000.
const GATEWAY_ENV = { RATE_LIMIT_USER_CAPACITY: "0", MAX_COST: "10000000" };
const topology = process.env.BENCH_TOPOLOGY ?? "processes";

interface RunningStack {
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

async function inProcessStack(): Promise<RunningStack> {
  const stack = await startStack({ gatewayEnv: GATEWAY_ENV });
  return { url: stack.url(), databaseUrl: stack.db.url, close: () => stack.close() };
}

async function processStack(): Promise<RunningStack> {
  const db = await createTestDatabase(["identity", "knowledge", "workflows", "creative"]);
  const dataDir = mkdtempSync(path.join(tmpdir(), "atelier-bench-"));
  const portBase = Number(process.env.BENCH_PORT_BASE ?? 4600);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: {
      ...process.env,
      ...GATEWAY_ENV,
      NODE_ENV: process.env.NODE_ENV ?? "production",
      DATABASE_URL: db.url,
      ATELIER_DATA_DIR: dataDir,
      PORT_BASE: String(portBase),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const close = async () => {
    child.kill("SIGTERM");
    await exited;
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealthy(`http://127.0.0.1:${portBase}/ready`, 180_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { url: `http://127.0.0.1:${portBase}/graphql`, databaseUrl: db.url, close };
}

const stack = topology === "in-process" ? await inProcessStack() : await processStack();
try {
  const where = topology === "in-process" ? "every service in one process" : "one process per service";
  console.log(
    `topology: ${where}, NODE_ENV=${process.env.NODE_ENV ?? (topology === "in-process" ? "unset" : "production")}`,
  );
  const owner = await signUp(stack.url, "Bench");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "creative.ts")], {
    stdio: "inherit",
    env: {
      ...process.env,
      CREATIVE_BENCH_URL: stack.url,
      CREATIVE_BENCH_HEADERS: JSON.stringify({ authorization: `Bearer ${owner.token}` }),
      CREATIVE_BENCH_TENANT_ID: owner.tenantId,
      CREATIVE_BENCH_DATABASE_URL: stack.databaseUrl,
    },
  });
  await new Promise((resolve) => child.on("exit", resolve));
} finally {
  await stack.close();
}
