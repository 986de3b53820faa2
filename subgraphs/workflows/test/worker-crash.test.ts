import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { newTenantUser, waitFor } from "@atelier/testing";
import { afterAll, describe, expect } from "vitest";
import { type WorkflowsSubgraph, workflowsTest } from "./fixture";
import { startHttpTarget } from "./http-target";
import { createWorkflow, EVENTS, startRun, waitForStatus } from "./workflow-runs";

const here = path.dirname(fileURLToPath(import.meta.url));
const EXPIRE_SECONDS = "5";

let h: WorkflowsSubgraph;
let target: Awaited<ReturnType<typeof startHttpTarget>>;
const workers: ChildProcess[] = [];

/** A worker process (src/worker.ts under tsx), resolved once it is polling the queue. */
function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = fork(path.join(here, "../src/worker.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JOB_EXPIRE_SECONDS: EXPIRE_SECONDS,
      LOG_LEVEL: "silent",
      WORKER_CONCURRENCY: "1",
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

// The service itself executes nothing: only the worker processes do.
const test = workflowsTest.with({ env: { RUN_WORKER: "false", JOB_EXPIRE_SECONDS: EXPIRE_SECONDS } });
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  target = await startHttpTarget();
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
  await target.close();
});

describe("a worker killed during a run", () => {
  test("leaves the run to another worker within seconds, which completes it with each step's effect recorded once", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice, {
      steps: [
        {
          key: "before",
          type: "HTTP_REQUEST",
          config: { url: `${target.url}/before`, method: "POST", body: { name: { $pointer: "/input/name" } } },
        },
        { key: "slow", type: "DELAY", config: { seconds: 1 } },
        { key: "held", type: "HTTP_REQUEST", config: { url: `${target.url}/hold`, method: "POST", body: {} } },
        {
          key: "after",
          type: "HTTP_REQUEST",
          config: { url: `${target.url}/after`, method: "POST", body: { prev: { $pointer: "/steps/before/status" } } },
        },
      ],
    });
    const first = await startWorker(h.db.url);
    const run = await startRun(h, alice, wf.id);
    // The worker is inside the held step's job (its request unanswered): kill it there.
    await waitFor(async () => target.callsTo("/hold").length === 1 || null, 30_000);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    expect(target.callsTo("/before")).toHaveLength(1);
    expect(target.callsTo("/after")).toHaveLength(0);

    target.releaseHeld();
    await startWorker(h.db.url);
    const restartedAt = Date.now();
    const done = await waitForStatus(h, alice, run.id, "SUCCEEDED", 60_000);
    // The dead worker's job comes back once its lease (at most JOB_EXPIRE_SECONDS) lapses, not after minutes.
    expect(Date.now() - restartedAt).toBeLessThan(20_000);

    expect(target.callsTo("/before")).toHaveLength(1);
    expect(target.callsTo("/hold")).toHaveLength(2);
    expect(target.callsTo("/after")).toHaveLength(1);
    expect(target.callsTo("/after")[0]?.body).toEqual({ prev: 200 });
    const attempts = Object.fromEntries(
      done.stepRuns.map((s: { stepKey: string; attempts: number }) => [s.stepKey, s.attempts]),
    );
    expect(attempts).toEqual({ before: 1, slow: 1, held: 2, after: 1 });
    const events = (await h.ok(alice, EVENTS, { runId: run.id })).workflowRunEvents;
    const stepEvents = events
      .filter((e: { type: string }) => e.type === "STEP_SUCCEEDED")
      .map((e: { stepKey: string }) => e.stepKey);
    expect(stepEvents).toEqual(["before", "slow", "held", "after"]);
    expect(events.filter((e: { type: string }) => e.type === "SUCCEEDED")).toHaveLength(1);
    expect(events.map((e: { sequence: number }) => e.sequence)).toEqual(events.map((_: unknown, i: number) => i + 1));
  }, 120_000);
});
