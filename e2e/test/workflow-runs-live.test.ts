import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribe } from "../../gateway/test/support/ws-client";
import { ok, signUp } from "./support/client";
import { type Stack, startStack } from "./support/stack";

const CREATE_WORKSPACE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }`;
const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`;
const START_RUN = `mutation($input: StartWorkflowRunInput!) { startWorkflowRun(input: $input) { run { id } } }`;
const RUN_UPDATED = `subscription($runId: ID!, $after: Int) {
  workflowRunUpdated(runId: $runId, afterSequence: $after) {
    sequence status type run { id status startedBy { fullName email } }
  }
}`;
type RunEvent = {
  workflowRunUpdated: {
    sequence: number;
    status: string;
    run: { status: string; startedBy: { fullName: string; email: string } };
  };
};

const steps = [1, 2, 3].map((i) => ({
  key: `t${i}`,
  type: "TRANSFORM",
  config: { output: { greeting: { $template: "Hello {{/input/name}}" }, step: i } },
}));

async function startRunIn(stack: Stack, token: string, gateway = 0) {
  const url = stack.url(gateway);
  const ws = await ok(url, CREATE_WORKSPACE, { input: { name: `Client ${Date.now()}${Math.random()}` } }, token);
  const workspaceId = ws.createWorkspace.workspace.id as string;
  const inputSchema = { type: "object", required: ["name"], properties: { name: { type: "string" } } };
  const wf = await ok(url, CREATE_WORKFLOW, { input: { workspaceId, name: "Greeting", inputSchema, steps } }, token);
  const run = await ok(
    url,
    START_RUN,
    { input: { workflowId: wf.createWorkflow.workflow.id, input: { name: "Ada" } } },
    token,
  );
  return run.startWorkflowRun.run.id as string;
}

const sequences = (values: RunEvent[]) => values.map((v) => v.workflowRunUpdated.sequence);
const lastStatus = (values: RunEvent[]) => values.at(-1)?.workflowRunUpdated.status;

describe("a workflow run watched live through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it("streams every status change in order, with no gaps, with the starter from identity", async () => {
    const owner = await signUp(stack.url(), "Live");
    const runId = await startRunIn(stack, owner.token);
    const sub = subscribe<RunEvent>(stack.wsUrl(), owner.token, RUN_UPDATED, { runId });
    await expect.poll(() => lastStatus(sub.values), { timeout: 30_000 }).toBe("SUCCEEDED");
    const seen = sequences(sub.values);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
    expect(sub.values[0]?.workflowRunUpdated.run.startedBy).toEqual({
      fullName: owner.user.fullName,
      email: owner.user.email,
    });
    sub.stop();

    const resumed = subscribe<RunEvent>(stack.wsUrl(), owner.token, RUN_UPDATED, { runId, after: 2 });
    await expect.poll(() => resumed.values.length, { timeout: 10_000 }).toBe(seen.length - 2);
    expect(sequences(resumed.values)[0]).toBe(3);
    resumed.stop();
  });

  it("gives a second tenant's subscriber nothing of the first tenant's run", async () => {
    const owner = await signUp(stack.url(), "Owner");
    const other = await signUp(stack.url(), "Other");
    const runId = await startRunIn(stack, owner.token);
    const intruder = subscribe<RunEvent>(stack.wsUrl(), other.token, RUN_UPDATED, { runId });
    const member = subscribe<RunEvent>(stack.wsUrl(), owner.token, RUN_UPDATED, { runId });
    await expect.poll(() => lastStatus(member.values), { timeout: 30_000 }).toBe("SUCCEEDED");
    await new Promise((r) => setTimeout(r, 500));
    expect(intruder.values).toEqual([]);
    intruder.stop();
    member.stop();
  });
});

describe("two gateways and two workflow workers on Redis", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      gateways: 2,
      workflowWorkers: 1,
      redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    });
  });
  afterAll(() => stack.close());

  it("delivers every event of a run started through one gateway to subscribers on both", async () => {
    const owner = await signUp(stack.url(0), "Replicas");
    const runIds = await Promise.all([0, 1, 0, 1].map((g) => startRunIn(stack, owner.token, g)));
    const watchers = runIds.flatMap((runId) =>
      [0, 1].map((g) => subscribe<RunEvent>(stack.wsUrl(g), owner.token, RUN_UPDATED, { runId })),
    );
    for (const w of watchers) await expect.poll(() => lastStatus(w.values), { timeout: 30_000 }).toBe("SUCCEEDED");
    for (let i = 0; i < watchers.length; i += 2) {
      expect(sequences(watchers[i]!.values)).toEqual(sequences(watchers[i + 1]!.values));
    }
    for (const w of watchers) w.stop();
  });
});
