/**
 * Completed workflow runs per second: a 3-step workflow of transform steps, N runs started
 * through the domain (as startWorkflowRun does), executed by the in-process worker on real
 * Postgres, timed from the first start until every run is SUCCEEDED.
 *   npx tsx bench/workflows.ts   (BENCH_RUNS, WORKER_CONCURRENCY, DATABASE_POOL_MAX)
 */

import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { createLogger } from "@atelier/logging";
import { tenantActor } from "@atelier/subgraph-kit";
import { createTestDatabase, testKeys } from "@atelier/testing";
import { loadWorkflowsConfig } from "../subgraphs/workflows/src/config";
import { createWorkflow } from "../subgraphs/workflows/src/domain/create-workflow";
import { startRun } from "../subgraphs/workflows/src/domain/start-run";
import { startRunWorker } from "../subgraphs/workflows/src/engine/start-worker";
import { createWorkflowScope } from "../subgraphs/workflows/src/scope";
import { createWorkflowServices } from "../subgraphs/workflows/src/services";

const runs = Number(process.env.BENCH_RUNS ?? 2000);
const startConcurrency = Number(process.env.BENCH_START_CONCURRENCY ?? 16);
// With BENCH_QUEUE_FIRST=true all runs are queued before the worker starts: execution alone is timed.
const queueFirst = process.env.BENCH_QUEUE_FIRST === "true";

const db = await createTestDatabase("workflows");
const config = loadWorkflowsConfig({
  DATABASE_URL: db.url,
  INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
  LOG_LEVEL: "warn",
  WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? "16",
  WORKER_POLLING_INTERVAL_SECONDS: "0.5",
  DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "20",
});
const { services, close } = await createWorkflowServices(config, createLogger({ service: "bench", level: "warn" }));
try {
  const identity = {
    kind: "user",
    userId: randomUUID(),
    tenantId: randomUUID(),
    role: "EDITOR",
    sessionId: "bench",
    scopes: [],
  };
  const actor = tenantActor(identity as Identity, "bench");
  const scope = createWorkflowScope(services, actor);
  const workflow = await createWorkflow(scope, {
    workspaceId: randomUUID(),
    name: "bench",
    inputSchema: { type: "object", required: ["n"], properties: { n: { type: "integer" } } },
    steps: ["a", "b", "c"].map((key, i) => ({
      key,
      type: "TRANSFORM" as const,
      config: { output: { n: { $pointer: "/input/n" }, label: { $template: `step ${i} of {{/input/n}}` } } },
    })),
  });
  if (!queueFirst) await startRunWorker(services);
  let started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: startConcurrency }, async () => {
      while (next < runs) {
        const n = next++;
        await startRun(scope, { workflowId: workflow.id, input: { n } });
      }
    }),
  );
  const enqueuedMs = performance.now() - started;
  if (queueFirst) {
    await startRunWorker(services);
    started = performance.now();
  }
  for (;;) {
    const done = await services.db.workflowRun.count({ where: { tenantId: actor.tenantId, status: "SUCCEEDED" } });
    if (done >= runs) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const totalMs = performance.now() - started;
  const failed = await services.db.workflowRun.count({
    where: { tenantId: actor.tenantId, status: { not: "SUCCEEDED" } },
  });
  console.log(
    `workflows bench${queueFirst ? " (execution only: runs queued first)" : ""}: ${runs} runs of 3 transform steps; started in ${(enqueuedMs / 1000).toFixed(2)} s ` +
      `(${((runs * 1000) / enqueuedMs).toFixed(0)} starts/s); all SUCCEEDED after ${(totalMs / 1000).toFixed(2)} s`,
  );
  console.log(`completed runs/s: ${((runs * 1000) / totalMs).toFixed(1)}  (not succeeded: ${failed})`);
  console.log(
    `worker: concurrency ${config.worker.concurrency}, polling ${config.worker.pollingIntervalSeconds} s, pool ${config.databasePoolMax}`,
  );
  console.log(`load: ${execSync("uptime").toString().trim()}`);
} finally {
  await close();
  await db.drop();
}
