import { newTenantUser } from "@atelier/testing";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { type WorkflowsSubgraph, workflowsTest } from "./fixture";
import { startHttpTarget } from "./http-target";
import { createWorkflow, EVENTS, runOf, startRun, waitForStatus } from "./workflow-runs";

let h: WorkflowsSubgraph;
let target: Awaited<ReturnType<typeof startHttpTarget>>;
beforeAll(async () => {
  // The HTTP target listens on loopback, which HTTP steps refuse unless allowed.
});
const test = workflowsTest.with({ env: () => ({ HTTP_STEP_ALLOWED_HOSTS: "127.0.0.1" }) });
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  target = await startHttpTarget();
});
afterAll(async () => {
  await target.close();
});

const mutate = (name: string) =>
  `mutation($runId: ID!) { ${name}(input: { runId: $runId }) { run { id status retryCount error } } }`;
const RESUME = `mutation($runId: ID!, $approved: Boolean, $comment: String) {
  resumeWorkflowRun(input: { runId: $runId, approved: $approved, comment: $comment }) { run { id status } } }`;

const approvalSteps = [
  { key: "draft", type: "TRANSFORM", config: { output: { text: { $template: "Draft for {{/input/name}}" } } } },
  { key: "review", type: "APPROVAL", config: { prompt: "Publish?" } },
  {
    key: "publish",
    type: "TRANSFORM",
    config: { output: { published: { $path: "steps.draft.text" }, by: { $pointer: "/steps/review/decidedBy" } } },
  },
];

describe("run state machine", () => {
  test("pauses at an approval step and finishes after resumeWorkflowRun approves", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice, { steps: approvalSteps });
    const run = await startRun(h, alice, wf.id);
    const paused = await waitForStatus(h, alice, run.id, "PAUSED");
    expect(paused.stepRuns.map((s: { status: string }) => s.status)).toEqual(["SUCCEEDED", "WAITING"]);
    await h.ok(alice, RESUME, { runId: run.id, comment: "fine" });
    const done = await waitForStatus(h, alice, run.id, "SUCCEEDED");
    expect(done.output).toEqual({ published: "Draft for Ada", by: alice.userId });
    const types = (await h.ok(alice, EVENTS, { runId: run.id })).workflowRunEvents.map((e: { type: string }) => e.type);
    expect(types).toEqual(["QUEUED", "STARTED", "STEP_SUCCEEDED", "PAUSED", "RESUMED", "STEP_SUCCEEDED", "SUCCEEDED"]);
  });

  test("fails the run when the approval is rejected", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice, { steps: approvalSteps });
    const run = await startRun(h, alice, wf.id);
    await waitForStatus(h, alice, run.id, "PAUSED");
    await h.ok(alice, RESUME, { runId: run.id, approved: false });
    const failed = await runOf(h, alice, run.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toContain("rejected");
  });

  test("cancels a paused run, and refuses to cancel it twice with CONFLICT", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice, { steps: approvalSteps });
    const run = await startRun(h, alice, wf.id);
    await waitForStatus(h, alice, run.id, "PAUSED");
    const cancelled = await h.ok(alice, mutate("cancelWorkflowRun"), { runId: run.id });
    expect(cancelled.cancelWorkflowRun.run.status).toBe("CANCELLED");
    const again = await h.gql(alice, mutate("cancelWorkflowRun"), { runId: run.id });
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(again.errors?.[0]?.message).toContain("Cannot cancel a CANCELLED run");
    expect(await h.errorCode(alice, RESUME, { runId: run.id })).toBe("CONFLICT");
  });

  test("cancels a queued run before any step executes", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const run = await startRun(h, alice, wf.id);
    const cancelled = await h.ok(alice, mutate("cancelWorkflowRun"), { runId: run.id });
    expect(cancelled.cancelWorkflowRun.run.status).toBe("CANCELLED");
    await new Promise((r) => setTimeout(r, 1500));
    const after = await runOf(h, alice, run.id);
    expect(after.status).toBe("CANCELLED");
    expect(after.stepRuns).toEqual([]);
  });

  test("retries a failed run at most 3 times", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice, {
      steps: [{ key: "call", type: "HTTP_REQUEST", config: { url: `${target.url}/fail`, method: "POST" } }],
    });
    const run = await startRun(h, alice, wf.id);
    const failed = await waitForStatus(h, alice, run.id, "FAILED");
    expect(failed.error).toContain("HTTP 400");
    for (let i = 1; i <= 3; i++) {
      const retried = await h.ok(alice, mutate("retryWorkflowRun"), { runId: run.id });
      expect(retried.retryWorkflowRun.run).toMatchObject({ status: "QUEUED", retryCount: i, error: null });
      const again = await waitForStatus(h, alice, run.id, "FAILED");
      expect(again.stepRuns[0].attempts).toBe(i + 1);
    }
    const refused = await h.gql(alice, mutate("retryWorkflowRun"), { runId: run.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(refused.errors?.[0]?.message).toContain("already retried 3 times");
  });

  test("refuses illegal transitions: retrying a succeeded run, resuming a running one", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const run = await startRun(h, alice, wf.id);
    await waitForStatus(h, alice, run.id, "SUCCEEDED");
    expect(await h.errorCode(alice, mutate("retryWorkflowRun"), { runId: run.id })).toBe("CONFLICT");
    expect(await h.errorCode(alice, mutate("pauseWorkflowRun"), { runId: run.id })).toBe("CONFLICT");
    expect(await h.errorCode(alice, RESUME, { runId: run.id })).toBe("CONFLICT");
  });

  test("pauses a queued run and resumes it to completion", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const run = await startRun(h, alice, wf.id);
    await h.ok(alice, mutate("pauseWorkflowRun"), { runId: run.id });
    await new Promise((r) => setTimeout(r, 1200));
    expect((await runOf(h, alice, run.id)).status).toBe("PAUSED");
    await h.ok(alice, RESUME, { runId: run.id });
    await waitForStatus(h, alice, run.id, "SUCCEEDED");
  });

  test("retries an HTTP step on 5xx, sending one idempotency key per step attempt, and maps the response", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice, {
      steps: [
        {
          key: "call",
          type: "HTTP_REQUEST",
          config: {
            url: `${target.url}/flaky`,
            method: "POST",
            retries: 3,
            body: { n: { $pointer: "/input/name" } },
            responseMapping: { ok: { $pointer: "/response/body/ok" } },
          },
        },
      ],
    });
    const run = await startRun(h, alice, wf.id);
    const done = await waitForStatus(h, alice, run.id, "SUCCEEDED");
    expect(done.output).toEqual({ ok: true });
    const keys = new Set(target.callsTo("/flaky").map((c) => c.idempotencyKey));
    expect(target.callsTo("/flaky")).toHaveLength(3);
    expect(keys).toEqual(new Set([`${run.id}:call:1`]));
  });
});
