import { createHash } from "node:crypto";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
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

const CREATE_API_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id } } }`;
/** The gateway caches a key's verification this long; identity's notice must make the wait moot. */
const API_KEY_CACHE_MS = 30_000;
/** API keys run only published operations: the partner app's manifest. */
const PARTNER_APP = "access-partner";
const PROBE = "query Probe { workspaces(first: 1) { __typename } }";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const byId = (document: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(document) } });

async function publishPartnerApp() {
  const operations = [
    { id: sha256(PROBE), name: "Probe", type: "query", body: PROBE },
    { id: sha256(RUN_UPDATED), name: "RunUpdated", type: "subscription", body: RUN_UPDATED },
  ];
  await ok(
    stack.url(),
    `mutation($input: PublishPersistedOperationsInput!) { publishPersistedOperations(input: $input) { version { id } } }`,
    {
      input: {
        app: PARTNER_APP,
        version: "1",
        manifest: { format: "apollo-persisted-query-manifest", version: 1, operations },
      },
    },
    owner.token,
  );
}

async function keyOutcome(apiKey: string): Promise<string> {
  const res = await fetch(stack.url(), {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": apiKey },
    body: JSON.stringify({ extensions: byId(PROBE) }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return body.errors?.[0]?.extensions?.code ?? "OK";
}

/** A partner's socket: graphql-ws with the API key in connection_init. */
function subscribeWithKey(apiKey: string) {
  const closes: { code: number }[] = [];
  const values: unknown[] = [];
  const client = createClient({
    url: stack.wsUrl(),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    connectionParams: { authorization: `ApiKey ${apiKey}` },
    on: { closed: (event) => void closes.push(event as { code: number }) },
  });
  client.subscribe(
    { query: "", variables: { runId }, extensions: byId(RUN_UPDATED) },
    { next: (value) => void values.push(value), error: () => {}, complete: () => {} },
  );
  return { closes, values, dispose: () => client.dispose() };
}

async function newApiClient(scopes: string[]) {
  const data = await ok(
    stack.url(),
    CREATE_API_CLIENT,
    { input: { name: `Partner ${Math.random()}`, scopes, allowedApps: [PARTNER_APP] } },
    owner.token,
  );
  return data.createApiClient as { apiKey: string; apiClient: { id: string } };
}

describe("an API client's access follows identity at once, not the gateway's 30 s key cache", () => {
  beforeAll(publishPartnerApp);

  it("a revoked client's key is refused on its next requests, and its open subscription closes", async () => {
    const { apiKey, apiClient } = await newApiClient(["creative:read", "workflows:read"]);
    expect(await keyOutcome(apiKey)).toBe("OK");
    expect(await keyOutcome(apiKey)).toBe("OK");
    const sub = subscribeWithKey(apiKey);
    await expect.poll(() => sub.values.length, { timeout: 30_000 }).toBeGreaterThan(0);

    await ok(
      stack.url(),
      `mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { revokedAt } } }`,
      { id: apiClient.id },
      owner.token,
    );
    const from = Date.now();
    await expect
      .poll(() => keyOutcome(apiKey), { timeout: API_KEY_CACHE_MS / 10, interval: 20 })
      .toBe("UNAUTHENTICATED");
    const readsMs = Date.now() - from;
    await expect.poll(() => sub.closes[0]?.code, { timeout: API_KEY_CACHE_MS / 10, interval: 20 }).toBe(4401);
    const socketMs = Date.now() - from;
    sub.dispose();
    console.info(`revoked API client: requests refused after ${readsMs} ms, subscription closed after ${socketMs} ms`);
    expect(Math.max(readsMs, socketMs)).toBeLessThan(API_KEY_CACHE_MS / 10);
  });

  it("a rotated secret: the old key is refused at once, the new one works", async () => {
    const { apiKey, apiClient } = await newApiClient(["creative:read"]);
    expect(await keyOutcome(apiKey)).toBe("OK");
    const rotated = await ok(
      stack.url(),
      `mutation($id: ID!) { rotateApiClientSecret(input: { id: $id }) { apiKey } }`,
      { id: apiClient.id },
      owner.token,
    );
    const from = Date.now();
    await expect
      .poll(() => keyOutcome(apiKey), { timeout: API_KEY_CACHE_MS / 10, interval: 20 })
      .toBe("UNAUTHENTICATED");
    console.info(`rotated API client: old key refused after ${Date.now() - from} ms`);
    expect(await keyOutcome(rotated.rotateApiClientSecret.apiKey)).toBe("OK");
  });
});
