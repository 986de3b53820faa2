import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkflow, runOf, startRun, transformSteps, waitForStatus } from "./fixtures";
import { type Harness, newTenantUser, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  // One job slot: a delay that slept in its job would hold every other run behind it.
  h = await startHarness({ WORKER_CONCURRENCY: "1" });
});
afterAll(() => h.stop());

describe("a delay step", () => {
  it("holds no worker slot while it waits: other runs finish meanwhile, and it resumes when due", async () => {
    const alice = newTenantUser();
    const delayed = await createWorkflow(h.service, alice, {
      steps: [{ key: "wait", type: "DELAY", config: { seconds: 6 } }],
    });
    const quick = await createWorkflow(h.service, alice, { steps: transformSteps(2) });
    const started = Date.now();
    const waiting = await Promise.all([1, 2, 3].map(() => startRun(h.service, alice, delayed.id)));
    const others = await Promise.all([1, 2, 3].map(() => startRun(h.service, alice, quick.id)));
    for (const run of others) await waitForStatus(h.service, alice, run.id, "SUCCEEDED", 20_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const run of waiting) expect((await runOf(h.service, alice, run.id)).status).toBe("RUNNING");

    for (const run of waiting) {
      const done = await waitForStatus(h.service, alice, run.id, "SUCCEEDED", 20_000);
      expect(done.stepRuns).toMatchObject([{ stepKey: "wait", status: "SUCCEEDED", attempts: 1 }]);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(6_000);
  });
});
