import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, ok, signUp } from "./support/client";
import { type Stack, startStack } from "./support/stack";

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const CREATE_WORKSPACE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } } }`;
const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`;
const START_RUN = `mutation($input: StartWorkflowRunInput!) { startWorkflowRun(input: $input) { run { id } } }`;

/** `[[[…1…]]]`, `depth` arrays deep, as JSON text (JSON.stringify itself would overflow the stack). */
const nested = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

describe("a subgraph's refusals reach the client as errors it can act on", () => {
  let stack: Stack;
  let token: string;
  let workspaceId: string;
  beforeAll(async () => {
    stack = await startStack();
    token = (await signUp(stack.url(), "Errors")).token;
    const ws = await ok(stack.url(), CREATE_WORKSPACE, { input: { name: `Errors ${Date.now()}` } }, token);
    workspaceId = ws.createWorkspace.workspace.id;
  });
  afterAll(() => stack.close());

  it("passes a bad email address through as BAD_USER_INPUT naming the subgraph", async () => {
    const res = await gql(stack.url(), LOGIN, { input: { email: "not-an-email", password: "whatever" } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", serviceName: "identity" });
    expect(res.errors?.[0]?.message).not.toBe("Unexpected error.");
  });

  it("passes a bad URL through as BAD_USER_INPUT", async () => {
    const input = { workspaceId, name: "Brief", briefUrl: "not a url" };
    const res = await gql(stack.url(), CREATE_PROJECT, { input }, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", serviceName: "creative" });
  });

  it("refuses a 5,000-deep JSON variable with a coded error, not a masked one", async () => {
    const steps = [{ key: "t1", type: "TRANSFORM", config: { output: { done: true } } }];
    const wf = await ok(
      stack.url(),
      CREATE_WORKFLOW,
      { input: { workspaceId, name: "Deep", inputSchema: { type: "object" }, steps } },
      token,
    );
    const workflowId = JSON.stringify(wf.createWorkflow.workflow.id);
    const res = await fetch(stack.url(), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: `{"query":${JSON.stringify(START_RUN)},"variables":{"input":{"workflowId":${workflowId},"input":{"deep":${nested(5_000)}}}}}`,
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
