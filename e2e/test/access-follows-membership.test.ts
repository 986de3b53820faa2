import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribe } from "../../gateway/test/support/ws-client";
import { gql, ok } from "./support/client";
import { joinAs, type Person, signUpOwner } from "./support/members";
import { type Stack, startStack } from "./support/stack";

/** The bar: access lost within this long of the change (identity's notice normally makes it ms). */
const BOUND_MS = 15_000;

const CREATE_WORKSPACE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }`;
const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`;
const START_RUN = `mutation($input: StartWorkflowRunInput!) { startWorkflowRun(input: $input) { run { id } } }`;
const RUN_UPDATED = `subscription($runId: ID!) { workflowRunUpdated(runId: $runId) { sequence status } }`;
const steps = [{ key: "t1", type: "TRANSFORM", config: { output: { done: true } } }];

/** One read per subgraph that needs a current member of the tenant. */
const READS: Record<string, string> = {
  identity: "{ memberships(first: 1) { __typename } }",
  creative: "{ workspaces(first: 1) { __typename } }",
  knowledge: `{ semanticSearch(input: { query: "probe" }) { __typename } }`,
  workflows: "{ workflowRuns(first: 1) { __typename } }",
};
/** One write per subgraph that needs EDITOR (identity has none: its writes need ADMIN). */
const WRITES: Record<string, (workspaceId: string) => [string, Record<string, unknown>]> = {
  creative: () => [CREATE_WORKSPACE, { input: { name: `Probe ${Math.random()}` } }],
  knowledge: (workspaceId) => [
    `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { created } }`,
    { input: { workspaceId, title: `Probe ${Math.random()}`, mimeType: "text/plain", text: "probe" } },
  ],
  workflows: (workspaceId) => [
    CREATE_WORKFLOW,
    { input: { workspaceId, name: `Probe ${Math.random()}`, inputSchema: { type: "object" }, steps } },
  ],
};

let stack: Stack;
let owner: Person;
let workspaceId: string;
let runId: string;
beforeAll(async () => {
  stack = await startStack();
  owner = await signUpOwner(stack.url(), "Owner");
  const ws = await ok(stack.url(), CREATE_WORKSPACE, { input: { name: "Shared" } }, owner.token);
  workspaceId = ws.createWorkspace.workspace.id;
  const wf = await ok(
    stack.url(),
    CREATE_WORKFLOW,
    { input: { workspaceId, name: "Probe", inputSchema: { type: "object" }, steps } },
    owner.token,
  );
  const run = await ok(
    stack.url(),
    START_RUN,
    { input: { workflowId: wf.createWorkflow.workflow.id, input: {} } },
    owner.token,
  );
  runId = run.startWorkflowRun.run.id;
});
afterAll(() => stack?.close());

async function outcome(query: string, variables: Record<string, unknown>, token: string): Promise<string> {
  const response = await gql(stack.url(), query, variables, token);
  return response.errors?.[0]?.extensions?.code ?? "OK";
}

/** Milliseconds from now until every probe is refused with `code`; fails past the bound. */
async function refusedWithin(probes: (() => Promise<string>)[], code: string): Promise<number> {
  const from = Date.now();
  await expect
    .poll(async () => (await Promise.all(probes.map((p) => p()))).every((c) => c === code), {
      timeout: BOUND_MS,
      interval: 100,
    })
    .toBe(true);
  return Date.now() - from;
}

function openRunSubscription(token: string) {
  return subscribe(stack.wsUrl(), token, RUN_UPDATED, { runId });
}

async function subscriptionClosedWithin(sub: ReturnType<typeof openRunSubscription>, code: number) {
  const from = Date.now();
  await expect.poll(() => sub.closes[0]?.code, { timeout: BOUND_MS, interval: 50 }).toBe(code);
  return Date.now() - from;
}

const reads = (token: string) => Object.values(READS).map((q) => () => outcome(q, {}, token));

describe("access follows the current membership and session, in all four subgraphs and on open sockets", () => {
  it("a removed member loses every read and their open subscription within 15 s", async () => {
    const member = await joinAs(stack.url(), owner, "EDITOR");
    for (const probe of reads(member.token)) expect(await probe()).toBe("OK");
    const sub = openRunSubscription(member.token);
    await expect.poll(() => sub.values.length, { timeout: 30_000 }).toBeGreaterThan(0);

    await ok(
      stack.url(),
      `mutation($id: ID!) { revokeMembership(input: { membershipId: $id }) { membership { id } } }`,
      { id: member.membershipId },
      owner.token,
    );
    const [readsMs, socketMs] = await Promise.all([
      refusedWithin(reads(member.token), "FORBIDDEN"),
      subscriptionClosedWithin(sub, 4403),
    ]);
    console.info(`removed member: reads refused after ${readsMs} ms, subscription closed after ${socketMs} ms`);
    expect(Math.max(readsMs, socketMs)).toBeLessThan(BOUND_MS);
  });

  it("a demoted editor loses every EDITOR write and their open subscription within 15 s", async () => {
    const editor = await joinAs(stack.url(), owner, "EDITOR");
    const writes = Object.values(WRITES).map((w) => () => outcome(...w(workspaceId), editor.token));
    for (const probe of writes) expect(await probe()).toBe("OK");
    const sub = openRunSubscription(editor.token);
    await expect.poll(() => sub.values.length, { timeout: 30_000 }).toBeGreaterThan(0);

    await ok(
      stack.url(),
      `mutation($id: ID!) { changeMemberRole(input: { membershipId: $id, role: VIEWER }) { membership { id } } }`,
      { id: editor.membershipId },
      owner.token,
    );
    const [writesMs, socketMs] = await Promise.all([
      refusedWithin(writes, "FORBIDDEN"),
      subscriptionClosedWithin(sub, 4403),
    ]);
    console.info(`demoted editor: writes refused after ${writesMs} ms, subscription closed after ${socketMs} ms`);
    expect(Math.max(writesMs, socketMs)).toBeLessThan(BOUND_MS);
    for (const probe of reads(editor.token)) expect(await probe()).toBe("OK");
  });

  it("a logged-out session's token loses every read and its open subscription within 15 s", async () => {
    const member = await joinAs(stack.url(), owner, "VIEWER");
    const sub = openRunSubscription(member.token);
    await expect.poll(() => sub.values.length, { timeout: 30_000 }).toBeGreaterThan(0);

    await ok(stack.url(), "mutation { logout { revoked } }", {}, member.token);
    const probes = [...reads(member.token), () => outcome("{ me { id } }", {}, member.token)];
    const [readsMs, socketMs] = await Promise.all([
      refusedWithin(probes, "UNAUTHENTICATED"),
      subscriptionClosedWithin(sub, 4401),
    ]);
    console.info(`logged-out session: reads refused after ${readsMs} ms, subscription closed after ${socketMs} ms`);
    expect(Math.max(readsMs, socketMs)).toBeLessThan(BOUND_MS);
  });
});
