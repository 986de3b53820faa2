import { createPostgresEventBus } from "@atelier/event-bus";
import { STREAM_EVENTS_CHANNEL } from "@atelier/live-events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkflow, EVENTS, RUN, runOf, START_RUN, startRun, waitForStatus } from "./fixtures";
import { errorCode, gql, type Harness, newTenantUser, ok, startHarness, waitFor } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe("workflow runs", () => {
  it("executes a run of transform steps to SUCCEEDED with step runs and output", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h.service, alice);
    const run = await startRun(h.service, alice, wf.id);
    expect(run.status).toBe("QUEUED");
    const done = await waitForStatus(h.service, alice, run.id, "SUCCEEDED");
    expect(done.output).toEqual({ greeting: "Hello Ada", step: 3 });
    expect(
      done.stepRuns.map((s: { stepKey: string; status: string; attempts: number }) => [
        s.stepKey,
        s.status,
        s.attempts,
      ]),
    ).toEqual([
      ["t1", "SUCCEEDED", 1],
      ["t2", "SUCCEEDED", 1],
      ["t3", "SUCCEEDED", 1],
    ]);
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    expect(done.startedBy).toEqual({ id: alice.userId });
  });

  it("lists each failing JSON pointer of an invalid input", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h.service, alice);
    const result = await gql(h.service, alice, START_RUN, {
      input: { workflowId: wf.id, input: { count: -1, extra: true } },
    });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    const pointers = ((error?.extensions?.violations ?? []) as { pointer: string }[]).map((v) => v.pointer).sort();
    expect(pointers).toEqual(["/count", "/extra", "/name"]);
    expect(error?.message).toContain("/name");
  });

  it("returns the same run for a repeated idempotency key", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h.service, alice);
    const first = await startRun(h.service, alice, wf.id, { name: "A" }, "order-42");
    const again = await startRun(h.service, alice, wf.id, { name: "A" }, "order-42");
    expect(again.id).toBe(first.id);
    const list = await ok(
      h.service,
      alice,
      `query($w: ID) { workflowRuns(workflowId: $w) { edges { node { id } } } }`,
      { w: wf.id },
    );
    expect(list.workflowRuns.edges).toHaveLength(1);
  });

  it("returns one run to concurrent starts with the same idempotency key", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h.service, alice);
    const runs = await Promise.all(
      Array.from({ length: 5 }, () => startRun(h.service, alice, wf.id, { name: "A" }, "race-1")),
    );
    expect(new Set(runs.map((r) => r.id)).size).toBe(1);
  });

  it("keeps idempotency keys per tenant", async () => {
    const alice = newTenantUser();
    const bob = newTenantUser();
    const a = await startRun(
      h.service,
      alice,
      (await createWorkflow(h.service, alice)).id,
      { name: "A" },
      "shared-key",
    );
    const b = await startRun(h.service, bob, (await createWorkflow(h.service, bob)).id, { name: "B" }, "shared-key");
    expect(b.id).not.toBe(a.id);
  });

  it("records every status change as gap-free events, and afterSequence returns only later ones", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h.service, alice);
    const run = await startRun(h.service, alice, wf.id);
    await waitForStatus(h.service, alice, run.id, "SUCCEEDED");
    const all = (await ok(h.service, alice, EVENTS, { runId: run.id })).workflowRunEvents;
    expect(all.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all.map((e: { type: string }) => e.type)).toEqual([
      "QUEUED",
      "STARTED",
      "STEP_SUCCEEDED",
      "STEP_SUCCEEDED",
      "STEP_SUCCEEDED",
      "SUCCEEDED",
    ]);
    expect(all[2].stepKey).toBe("t1");
    expect(all[5].run).toEqual({ id: run.id, status: "SUCCEEDED" });
    const later = (await ok(h.service, alice, EVENTS, { runId: run.id, after: 4 })).workflowRunEvents;
    expect(later.map((e: { sequence: number }) => e.sequence)).toEqual([5, 6]);
  });

  it("announces each committed change on the event bus with the run and workspace topics", async () => {
    const bus = createPostgresEventBus(h.db.url);
    const notices: { topics: string[]; sequence: number; tenantId: string }[] = [];
    const unsubscribe = await bus.subscribe(STREAM_EVENTS_CHANNEL, (m) => notices.push(m as never));
    try {
      const alice = newTenantUser();
      const wf = await createWorkflow(h.service, alice);
      const run = await startRun(h.service, alice, wf.id);
      const topic = `workflowRunUpdated:${run.id}`;
      const last = await waitFor(async () => notices.find((n) => n.topics.includes(topic) && n.sequence === 6));
      expect(last.topics).toEqual([topic, `workflowRunsUpdated:${wf.workspaceId}`]);
      expect(last.tenantId).toBe(alice.tenantId);
      expect(notices.filter((n) => n.topics.includes(topic)).map((n) => n.sequence)[0]).toBe(1);
    } finally {
      await unsubscribe();
      await bus.close();
    }
  });

  it("feeds a workspace's run events with increasing sequences", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h.service, alice);
    const a = await startRun(h.service, alice, wf.id);
    const b = await startRun(h.service, alice, wf.id);
    await waitForStatus(h.service, alice, a.id, "SUCCEEDED");
    await waitForStatus(h.service, alice, b.id, "SUCCEEDED");
    const FEED = `query($w: ID!, $after: Int) { workflowRunFeedEvents(workspaceId: $w, afterSequence: $after) { sequence type run { id } } }`;
    const feed = (await ok(h.service, alice, FEED, { w: wf.workspaceId })).workflowRunFeedEvents;
    expect(feed).toHaveLength(12);
    const sequences = feed.map((e: { sequence: number }) => e.sequence);
    expect([...sequences].sort((x, y) => x - y)).toEqual(sequences);
    const later = (await ok(h.service, alice, FEED, { w: wf.workspaceId, after: sequences[9] })).workflowRunFeedEvents;
    expect(later.map((e: { sequence: number }) => e.sequence)).toEqual(sequences.slice(10));
  });

  it("refuses a VIEWER starting a run", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h.service, alice);
    const viewer = { ...alice, role: "VIEWER" as const };
    expect(await errorCode(h.service, viewer, START_RUN, { input: { workflowId: wf.id, input: { name: "x" } } })).toBe(
      "FORBIDDEN",
    );
    expect((await runOf(h.service, viewer, "00000000-0000-4000-8000-000000000000")) ?? null).toBeNull();
  });

  it("refuses a malformed id with BAD_USER_INPUT", async () => {
    const alice = newTenantUser();
    expect(await errorCode(h.service, alice, RUN, { id: "not-a-uuid" })).toBe("BAD_USER_INPUT");
  });
});
