import { newTenantUser } from "@atelier/testing";
import { beforeAll, describe, expect } from "vitest";
import { type WorkflowsSubgraph, workflowsTest } from "./fixture";
import { createWorkflow, runOf, startRun, transformSteps, waitForStatus } from "./workflow-runs";

let h: WorkflowsSubgraph;
beforeAll(async () => {
  // One job slot: a delay that slept in its job would hold every other run behind it.
});
const test = workflowsTest.with({ env: () => ({ WORKER_CONCURRENCY: "1" }) });
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

describe("a delay step", () => {
  test("holds no worker slot while it waits: other runs finish meanwhile, and it resumes when due", async () => {
    const alice = newTenantUser();
    const delayed = await createWorkflow(h, alice, {
      steps: [{ key: "wait", type: "DELAY", config: { seconds: 6 } }],
    });
    const quick = await createWorkflow(h, alice, { steps: transformSteps(2) });
    const started = Date.now();
    const waiting = await Promise.all([1, 2, 3].map(() => startRun(h, alice, delayed.id)));
    const others = await Promise.all([1, 2, 3].map(() => startRun(h, alice, quick.id)));
    for (const run of others) await waitForStatus(h, alice, run.id, "SUCCEEDED", 20_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const run of waiting) expect((await runOf(h, alice, run.id)).status).toBe("RUNNING");

    for (const run of waiting) {
      const done = await waitForStatus(h, alice, run.id, "SUCCEEDED", 20_000);
      expect(done.stepRuns).toMatchObject([{ stepKey: "wait", status: "SUCCEEDED", attempts: 1 }]);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(6_000);
  });
});
