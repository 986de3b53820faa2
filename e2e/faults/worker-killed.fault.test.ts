import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Identity } from "@atelier/internal-auth";
import { createTestDatabase, signIdentity, type TestDatabase, testKeys } from "@atelier/testing";
import { createWorkflowsService, loadWorkflowsConfig } from "@atelier/workflows/service";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEffectTarget } from "./effect-target";

const RUNS = Number(process.env.FAULT_RUNS ?? 200);

const workflowsDir = path.resolve(import.meta.dirname, "../../subgraphs/workflows");

let db: TestDatabase;
let sql: pg.Pool;
let service: Awaited<ReturnType<typeof createWorkflowsService>>;
let target: Awaited<ReturnType<typeof startEffectTarget>>;
const workers: ChildProcess[] = [];

/** The real worker entrypoint in its own process, resolved once it takes jobs. */
function startWorker(): Promise<ChildProcess> {
  const child = fork(path.join(workflowsDir, "src/worker.ts"), [], {
    cwd: workflowsDir,
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      LOG_LEVEL: "silent",
      WORKER_CONCURRENCY: "8",
      HTTP_STEP_ALLOWED_HOSTS: "127.0.0.1",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

async function call(who: Identity, query: string, variables: Record<string, unknown>) {
  const res = await fetch(service.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-atelier-identity": await signIdentity(who) },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the scenario reads results as loosely typed JSON
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function statuses(): Promise<string> {
  const { rows } = await sql.query(
    `SELECT status, count(*)::int AS n, max(error) AS error FROM workflows."WorkflowRun" GROUP BY status`,
  );
  return JSON.stringify(rows);
}

async function succeeded(): Promise<number> {
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM workflows."WorkflowRun" WHERE status = 'SUCCEEDED'`);
  return rows[0].n;
}

beforeAll(async () => {
  db = await createTestDatabase("workflows");
  sql = new pg.Pool({ connectionString: db.url, max: 2 });
  target = await startEffectTarget(150);
  // The API process executes nothing: only the worker processes do.
  const config = loadWorkflowsConfig({
    DATABASE_URL: db.url,
    INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    RUN_WORKER: "false",
  });
  service = await createWorkflowsService(config);
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
  await service?.stop();
  await target?.close();
  await sql?.end();
  await db?.drop();
});

describe("fault: the run worker is SIGKILLed mid-batch", () => {
  it(`finishes all ${RUNS} runs within 60 s of the restart, each step's effect recorded once`, async () => {
    const who: Identity = {
      kind: "user",
      userId: randomUUID(),
      tenantId: randomUUID(),
      role: "EDITOR",
      sessionId: randomUUID(),
      scopes: [],
    };
    const effect = (step: string) => ({
      key: step,
      type: "HTTP_REQUEST",
      config: { url: `${target.url}/effect`, method: "POST", body: { runId: { $pointer: "/run/id" }, step } },
    });
    const created = await call(
      who,
      `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`,
      {
        input: {
          workspaceId: randomUUID(),
          name: "fault: worker killed",
          inputSchema: { type: "object" },
          steps: [effect("first"), { key: "pause", type: "DELAY", config: { seconds: 1 } }, effect("second")],
        },
      },
    );
    const workflowId = created.createWorkflow.workflow.id as string;
    for (let i = 0; i < RUNS; i += 20)
      await Promise.all(
        Array.from({ length: Math.min(20, RUNS - i) }, () =>
          call(who, `mutation($input: StartWorkflowRunInput!) { startWorkflowRun(input: $input) { run { id } } }`, {
            input: { workflowId, input: {} },
          }),
        ),
      );

    const first = await startWorker();
    const progress = setInterval(
      async () => console.log(`[fault worker-killed] runs by status ${await statuses()}`),
      5_000,
    );
    await expect.poll(succeeded, { timeout: 120_000, interval: 100 }).toBeGreaterThanOrEqual(RUNS / 4);
    clearInterval(progress);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const atKill = await succeeded();
    const requestsAtKill = target.requests.length;

    const restartedAt = Date.now();
    await startWorker();
    await expect.poll(succeeded, { timeout: 60_000, interval: 250 }).toBe(RUNS);
    const recoverySeconds = (Date.now() - restartedAt) / 1000;

    // Atelier's record of each step's effect: one STEP_SUCCEEDED per (run, step), one SUCCEEDED per run.
    const { rows: recorded } = await sql.query(
      `SELECT stream_id, type, payload->>'stepKey' AS step, count(*)::int AS n FROM workflows.stream_events
        WHERE type IN ('STEP_SUCCEEDED', 'SUCCEEDED') GROUP BY 1, 2, 3`,
    );
    const duplicated = recorded.filter((r) => r.n > 1).length;
    const stepEffects = recorded.filter((r) => r.type === "STEP_SUCCEEDED").length;
    // Requests the outside service saw twice: only those in flight when the worker died may repeat.
    const perStep = new Map<string, number>();
    for (const r of target.requests)
      perStep.set(`${r.runId}:${r.step}`, (perStep.get(`${r.runId}:${r.step}`) ?? 0) + 1);
    const redelivered = [...perStep.values()].filter((n) => n > 1).length;

    console.log(
      `[fault worker-killed] submitted ${RUNS}, finished ${await succeeded()}, finished before the kill ${atKill}, ` +
        `recovered in ${recoverySeconds.toFixed(1)} s after restart, step effects recorded ${stepEffects}, ` +
        `duplicated effects ${duplicated}, HTTP requests ${target.requests.length} (${requestsAtKill} before the kill), ` +
        `requests redelivered after the kill ${redelivered}`,
    );
    expect(recoverySeconds).toBeLessThan(60);
    expect(stepEffects).toBe(RUNS * 3);
    expect(duplicated).toBe(0);
    expect(perStep.size).toBe(RUNS * 2);
    // At most the worker's 8 job slots were mid-request when it died.
    expect(redelivered).toBeLessThanOrEqual(8);
  });
});
