import { createPostgresEventBus } from "@atelier/event-bus";
import { STREAM_EVENTS_CHANNEL } from "@atelier/live-events";
import { newTenantUser, waitFor } from "@atelier/testing";
import { describe, expect } from "vitest";
import { workflowsTest as test, type WorkflowsSubgraph } from "./fixture";
import { createWorkflow, EVENTS, RUN, runOf, START_RUN, startRun, waitForStatus } from "./workflow-runs";

let h: WorkflowsSubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

describe("workflow runs", () => {
  test("executes a run of transform steps to SUCCEEDED with step runs and output", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const run = await startRun(h, alice, wf.id);
    expect(run.status).toBe("QUEUED");
    const done = await waitForStatus(h, alice, run.id, "SUCCEEDED");
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

  test("lists each failing JSON pointer of an invalid input", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const result = await h.gql(alice, START_RUN, {
      input: { workflowId: wf.id, input: { count: -1, extra: true } },
    });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    const pointers = ((error?.extensions?.violations ?? []) as { pointer: string }[]).map((v) => v.pointer).sort();
    expect(pointers).toEqual(["/count", "/extra", "/name"]);
    expect(error?.message).toContain("/name");
  });

  test("returns the same run for a repeated idempotency key", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const first = await startRun(h, alice, wf.id, { name: "A" }, "order-42");
    const again = await startRun(h, alice, wf.id, { name: "A" }, "order-42");
    expect(again.id).toBe(first.id);
    const list = await h.ok(alice, `query($w: ID) { workflowRuns(workflowId: $w) { edges { node { id } } } }`, {
      w: wf.id,
    });
    expect(list.workflowRuns.edges).toHaveLength(1);
  });

  test("returns one run to concurrent starts with the same idempotency key", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const runs = await Promise.all(Array.from({ length: 5 }, () => startRun(h, alice, wf.id, { name: "A" }, "race-1")));
    expect(new Set(runs.map((r) => r.id)).size).toBe(1);
  });

  test("keeps idempotency keys per tenant", async () => {
    const alice = newTenantUser();
    const bob = newTenantUser();
    const a = await startRun(h, alice, (await createWorkflow(h, alice)).id, { name: "A" }, "shared-key");
    const b = await startRun(h, bob, (await createWorkflow(h, bob)).id, { name: "B" }, "shared-key");
    expect(b.id).not.toBe(a.id);
  });

  test("records every status change as gap-free events, and afterSequence returns only later ones", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const run = await startRun(h, alice, wf.id);
    await waitForStatus(h, alice, run.id, "SUCCEEDED");
    const all = (await h.ok(alice, EVENTS, { runId: run.id })).workflowRunEvents;
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
    const later = (await h.ok(alice, EVENTS, { runId: run.id, after: 4 })).workflowRunEvents;
    expect(later.map((e: { sequence: number }) => e.sequence)).toEqual([5, 6]);
  });

  test("announces each committed change on the event bus with the run and workspace topics", async () => {
    const bus = createPostgresEventBus(h.db.url);
    const notices: { topics: string[]; sequence: number; tenantId: string }[] = [];
    const unsubscribe = await bus.subscribe(STREAM_EVENTS_CHANNEL, (m) => notices.push(m as never));
    try {
      const alice = newTenantUser();
      const wf = await createWorkflow(h, alice);
      const run = await startRun(h, alice, wf.id);
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

  test("feeds a workspace's run events with increasing sequences", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const a = await startRun(h, alice, wf.id);
    const b = await startRun(h, alice, wf.id);
    await waitForStatus(h, alice, a.id, "SUCCEEDED");
    await waitForStatus(h, alice, b.id, "SUCCEEDED");
    const FEED = `query($w: ID!, $after: Int) { workflowRunFeedEvents(workspaceId: $w, afterSequence: $after) { sequence type run { id } } }`;
    const feed = (await h.ok(alice, FEED, { w: wf.workspaceId })).workflowRunFeedEvents;
    expect(feed).toHaveLength(12);
    const sequences = feed.map((e: { sequence: number }) => e.sequence);
    expect([...sequences].sort((x, y) => x - y)).toEqual(sequences);
    const later = (await h.ok(alice, FEED, { w: wf.workspaceId, after: sequences[9] })).workflowRunFeedEvents;
    expect(later.map((e: { sequence: number }) => e.sequence)).toEqual(sequences.slice(10));
  });

  test("refuses a VIEWER starting a run", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const viewer = { ...alice, role: "VIEWER" as const };
    expect(await h.errorCode(viewer, START_RUN, { input: { workflowId: wf.id, input: { name: "x" } } })).toBe(
      "FORBIDDEN",
    );
    expect((await runOf(h, viewer, "00000000-0000-4000-8000-000000000000")) ?? null).toBeNull();
  });

  test("refuses a malformed id with BAD_USER_INPUT", async () => {
    const alice = newTenantUser();
    expect(await h.errorCode(alice, RUN, { id: "not-a-uuid" })).toBe("BAD_USER_INPUT");
  });
});
