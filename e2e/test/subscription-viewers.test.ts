import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribe } from "../../gateway/test/support/ws-client";
import { ok } from "./support/client";
import { joinAs, signUpOwner } from "./support/members";
import { type Stack, startStack } from "./support/stack";

const CREATE_WORKSPACE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }`;
const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`;
const START_RUN = `mutation($input: StartWorkflowRunInput!) { startWorkflowRun(input: $input) { run { id } } }`;
const CONNECT = `mutation($input: ConnectSocialAccountInput!) { connectSocialAccount(input: $input) { __typename } }`;
const RUN_UPDATED = `subscription($runId: ID!) {
  workflowRunUpdated(runId: $runId) { sequence status run { startedBy { id socialConnections { externalUserId } } } }
}`;
type RunEvent = {
  workflowRunUpdated: {
    sequence: number;
    status: string;
    run: { startedBy: { id: string; socialConnections: { externalUserId: string }[] } };
  };
};
const steps = [1, 2, 3].map((i) => ({ key: `t${i}`, type: "TRANSFORM", config: { output: { step: i } } }));

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

describe("subscribers with different identities", () => {
  it("never share a read of a viewer-dependent payload: the starter's social connections reach only the starter", async () => {
    const owner = await signUpOwner(stack.url(), "Owner");
    const starter = await joinAs(stack.url(), owner, "EDITOR");
    const colleague = await joinAs(stack.url(), owner, "EDITOR");
    await ok(
      stack.url(),
      CONNECT,
      { input: { platform: "INSTAGRAM", externalUserId: "starter-on-instagram", accessToken: "secret-token" } },
      starter.token,
    );
    const ws = await ok(stack.url(), CREATE_WORKSPACE, { input: { name: "Shared" } }, starter.token);
    const workspaceId = ws.createWorkspace.workspace.id;
    const wf = await ok(
      stack.url(),
      CREATE_WORKFLOW,
      { input: { workspaceId, name: "Three steps", inputSchema: { type: "object" }, steps } },
      starter.token,
    );
    const run = await ok(
      stack.url(),
      START_RUN,
      { input: { workflowId: wf.createWorkflow.workflow.id, input: {} } },
      starter.token,
    );
    const runId = run.startWorkflowRun.run.id;

    const mine = subscribe<RunEvent>(stack.wsUrl(), starter.token, RUN_UPDATED, { runId });
    const theirs = subscribe<RunEvent>(stack.wsUrl(), colleague.token, RUN_UPDATED, { runId });
    for (const sub of [mine, theirs]) {
      await expect.poll(() => sub.values.at(-1)?.workflowRunUpdated.status, { timeout: 30_000 }).toBe("SUCCEEDED");
    }
    const connections = (values: RunEvent[]) => values.map((v) => v.workflowRunUpdated.run.startedBy.socialConnections);
    expect(mine.values.length).toBe(theirs.values.length);
    expect(
      connections(mine.values).every((c) => c.length === 1 && c[0]?.externalUserId === "starter-on-instagram"),
    ).toBe(true);
    expect(connections(theirs.values).every((c) => c.length === 0)).toBe(true);
    mine.stop();
    theirs.stop();
  });
});
