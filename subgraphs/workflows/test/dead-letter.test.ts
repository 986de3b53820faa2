import { createPostgresEventBus } from "@atelier/event-bus";
import { STREAM_EVENTS_CHANNEL } from "@atelier/live-events";
import { newTenantUser, waitFor } from "@atelier/testing";
import pg from "pg";
import { describe, expect } from "vitest";
import { failDeadRun } from "../src/engine/fail-dead-run";
import { type WorkflowsSubgraph, workflowsTest } from "./fixture";
import { createWorkflow, EVENTS, startRun, transformSteps, waitForStatus } from "./workflow-runs";

let h: WorkflowsSubgraph;
const test = workflowsTest.with({ env: { JOB_RETRY_LIMIT: "1" } });
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  // A persistent failure the worker cannot get past, as a bug would be: recording a step run
  // keyed "poison" raises, so every delivery of the run's job fails.
  const admin = new pg.Client({ connectionString: h.db.url });
  await admin.connect();
  await admin.query(`
    CREATE FUNCTION workflows.poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW."stepKey" = 'poison' THEN RAISE EXCEPTION 'poisoned step run'; END IF; RETURN NEW; END $$;
    CREATE TRIGGER poison BEFORE INSERT ON workflows."StepRun" FOR EACH ROW EXECUTE FUNCTION workflows.poison();`);
  await admin.end();
});

describe("a run whose job keeps failing", () => {
  test("ends FAILED with the reason and one FAILED event once the job's retries are exhausted", async () => {
    const bus = createPostgresEventBus(h.db.url);
    const notices: { topics: string[]; sequence: number }[] = [];
    const unsubscribe = await bus.subscribe(STREAM_EVENTS_CHANNEL, (m) => notices.push(m as never));
    try {
      const alice = newTenantUser();
      const wf = await createWorkflow(h, alice, {
        steps: [{ key: "poison", type: "TRANSFORM", config: { output: { ok: true } } }, ...transformSteps(1)],
      });
      const run = await startRun(h, alice, wf.id);
      const failed = await waitForStatus(h, alice, run.id, "FAILED", 30_000);
      expect(failed.error).toMatch(/kept failing and was given up after its retries: .*poisoned step run/);
      expect(failed.finishedAt).not.toBeNull();
      const events = (await h.ok(alice, EVENTS, { runId: run.id })).workflowRunEvents;
      expect(events.map((e: { type: string; sequence: number }) => [e.sequence, e.type])).toEqual([
        [1, "QUEUED"],
        [2, "FAILED"],
      ]);
      // Subscribers are told: the FAILED event's notice went out on the bus.
      await waitFor(async () =>
        notices.find((n) => n.topics.includes(`workflowRunUpdated:${run.id}`) && n.sequence === 2),
      );

      // A redelivered dead letter changes nothing: the run failed exactly once.
      const again = await failDeadRun(h.service.services, {
        id: "00000000-0000-0000-0000-000000000000",
        data: { runId: run.id, tenantId: alice.tenantId },
      });
      expect(again).toBe(false);
      expect((await h.ok(alice, EVENTS, { runId: run.id })).workflowRunEvents).toHaveLength(2);
    } finally {
      await unsubscribe();
      await bus.close();
    }
  }, 60_000);

  test("drops a dead letter that names no run", async () => {
    expect(await failDeadRun(h.service.services, { id: "x", data: { runId: "nope", tenantId: "" } })).toBe(false);
  });
});
