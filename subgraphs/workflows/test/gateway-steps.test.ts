import { randomUUID } from "node:crypto";
import { generateInternalKeyPair } from "@atelier/internal-auth";
import { newTenantUser } from "@atelier/testing";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { generationRequestStep } from "../src/steps/gateway/generation-request-step";
import type { StepExecution } from "../src/steps/step-type";
import { startFakeGateway } from "./fake-gateway";
import { type WorkflowsSubgraph, workflowsTest } from "./fixture";
import { createWorkflow, EVENTS, startRun, waitForStatus } from "./workflow-runs";

const TOPIC_SCHEMA = { type: "object", properties: { topic: { type: "string" } } };

let h: WorkflowsSubgraph;
let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
const keys = generateInternalKeyPair();
beforeAll(async () => {
  gateway = await startFakeGateway(keys.publicKey);
});
const test = workflowsTest.with({
  env: () => ({
    GATEWAY_URL: gateway.url,
    DELEGATION_PRIVATE_KEY: keys.privateKey,
    GATEWAY_POLL_SECONDS: "0.5",
  }),
});
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});
afterAll(async () => {
  await gateway.close();
});

const runWorkflow = async (steps: unknown[], input: unknown = { topic: "lighthouses" }) => {
  const alice = newTenantUser();
  const wf = await createWorkflow(h, alice, { steps, inputSchema: TOPIC_SCHEMA });
  const run = await startRun(h, alice, wf.id, input);
  return { alice, wf, run };
};

describe("KNOWLEDGE_SEARCH", () => {
  test("searches the run's workspace through the gateway as the run's user, with a delegation for semanticSearch", async () => {
    const { alice, wf, run } = await runWorkflow([
      {
        key: "find",
        type: "KNOWLEDGE_SEARCH",
        config: { query: "guides about {{/input/topic}}", mode: "KEYWORD", limit: 3, mimeTypes: ["text/markdown"] },
      },
    ]);
    const done = await waitForStatus(h, alice, run.id, "SUCCEEDED");
    expect(done.output).toEqual({
      query: "guides about lighthouses",
      mode: "KEYWORD",
      results: [
        expect.objectContaining({
          documentId: "doc-0",
          title: "Doc 0",
          text: "passage 0 about guides about lighthouses",
          score: 0.9,
        }),
        expect.objectContaining({ documentId: "doc-1", title: "Doc 1", score: 0.8 }),
      ],
    });
    const [call] = gateway
      .callsOf("WorkflowKnowledgeSearch")
      .filter((c) => c.delegation.actor.tenantId === alice.tenantId);
    expect(call?.delegation).toMatchObject({
      service: "workflows",
      actor: { kind: "user", userId: alice.userId, tenantId: alice.tenantId },
      fields: ["Query.semanticSearch"],
    });
    expect(call?.variables.input).toEqual({
      query: "guides about lighthouses",
      mode: "KEYWORD",
      limit: 3,
      filter: { workspaceId: wf.workspaceId, mimeTypes: ["text/markdown"] },
    });
  });

  test("retries an outage, and fails on a refusal without retrying", async () => {
    gateway.state.outages = 2;
    const flaky = await runWorkflow([
      { key: "find", type: "KNOWLEDGE_SEARCH", config: { query: { $pointer: "/input/topic" } } },
    ]);
    await waitForStatus(h, flaky.alice, flaky.run.id, "SUCCEEDED");

    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice, {
      steps: [{ key: "find", type: "KNOWLEDGE_SEARCH", config: { query: "x", retries: 3 } }],
      inputSchema: TOPIC_SCHEMA,
    });
    gateway.state.revoked.add(alice.userId);
    const run = await startRun(h, alice, wf.id, {});
    const failed = await waitForStatus(h, alice, run.id, "FAILED");
    expect(failed.error).toMatch(/step find failed: knowledge search failed: UNAUTHENTICATED: .*may no longer act/);
    const searches = gateway.calls.filter((c) => c.operationName === "WorkflowKnowledgeSearch");
    expect(searches.filter((c) => c.delegation.actor.tenantId === alice.tenantId)).toHaveLength(1);
  });
});

describe("GENERATION_REQUEST", () => {
  test("creates a request once, selects the first sample, waits for the final and outputs it", async () => {
    const { alice, run } = await runWorkflow([
      { key: "render", type: "GENERATION_REQUEST", config: { prompt: "a poster of {{/input/topic}}", seed: 7 } },
    ]);
    const done = await waitForStatus(h, alice, run.id, "SUCCEEDED", 30_000);
    const request = [...gateway.requests.values()].find((r) => r.id === done.output.generationRequestId)!;
    expect(done.output).toMatchObject({
      status: "COMPLETED",
      selectedSampleId: request.samples[0]!.id,
      finalAsset: { id: request.finalAsset!.id, mimeType: "image/png" },
      creditsCharged: 14,
    });
    const mine = gateway.calls.filter((c) => c.delegation.actor.tenantId === alice.tenantId);
    const creates = mine.filter((c) => c.operationName === "WorkflowCreateGeneration");
    expect(creates).toHaveLength(1);
    expect(creates[0]!.variables.input).toMatchObject({
      prompt: "a poster of lighthouses",
      seed: 7,
      idempotencyKey: `${run.id}:render:0`,
    });
    expect(mine.filter((c) => c.operationName === "WorkflowSelectSample")).toHaveLength(1);
    for (const c of mine) expect(c.delegation.fields).toHaveLength(1);
    // Waiting again and again is one status change: one STEP_WAITING event.
    const types = (await h.ok(alice, EVENTS, { runId: run.id })).workflowRunEvents.map((e: { type: string }) => e.type);
    expect(types).toEqual(["QUEUED", "STARTED", "STEP_WAITING", "STEP_SUCCEEDED", "SUCCEEDED"]);
  });

  test("stops at AWAITING_SELECTION with selection NONE, and fails with the reason of a rejected prompt", async () => {
    const pick = await runWorkflow([
      { key: "render", type: "GENERATION_REQUEST", config: { prompt: "a kite", selection: "NONE" } },
    ]);
    const done = await waitForStatus(h, pick.alice, pick.run.id, "SUCCEEDED", 30_000);
    expect(done.output).toMatchObject({ status: "AWAITING_SELECTION", selectedSampleId: null, finalAsset: null });
    expect(done.output.sampleAssetIds).toHaveLength(2);

    const bad = await runWorkflow([{ key: "render", type: "GENERATION_REQUEST", config: { prompt: "please reject" } }]);
    const failed = await waitForStatus(h, bad.alice, bad.run.id, "FAILED");
    expect(failed.error).toMatch(/step render failed: generation request .* ended CONTENT_REJECTED: The prompt names/);
  });

  const execution = (overrides: Partial<StepExecution<unknown>> = {}): StepExecution<never> => {
    const tenantId = randomUUID();
    return {
      config: generationRequestStep.config.parse({ prompt: "a stuck lighthouse", timeoutSeconds: 60 }),
      context: {
        input: {},
        steps: {},
        run: { id: randomUUID(), workspaceId: randomUUID(), startedById: randomUUID() },
      },
      runId: randomUUID(),
      tenantId,
      stepKey: "render",
      idempotencyKey: "k:1",
      operationKey: `op-${randomUUID()}`,
      state: null,
      firstStartedAt: new Date(),
      env: h.service.services.stepEnv,
      ...overrides,
    } as StepExecution<never>;
  };

  test("executed again after a crash (no state kept), finds the same request by its operation key", async () => {
    const x = execution();
    const first = await generationRequestStep.execute(x);
    const again = await generationRequestStep.execute(x);
    expect(first).toMatchObject({ kind: "wait", state: { generationRequestId: expect.any(String) } });
    expect(again).toEqual({ ...first, until: expect.any(Date) });
    const requestsForKey = gateway
      .callsOf("WorkflowCreateGeneration")
      .filter((c) => (c.variables.input as { idempotencyKey: string }).idempotencyKey === x.operationKey);
    expect(requestsForKey).toHaveLength(2);
    expect(
      [...gateway.requests.values()].filter(
        (r) => r.id === (first as { state: { generationRequestId: string } }).state.generationRequestId,
      ),
    ).toHaveLength(1);
  });

  test("cancels a request still unfinished at the timeout, and refuses a run without a user", async () => {
    const x = execution();
    const waiting = (await generationRequestStep.execute(x)) as { state: { generationRequestId: string } };
    const late = await generationRequestStep.execute({
      ...x,
      state: waiting.state,
      firstStartedAt: new Date(Date.now() - 61_000),
    });
    expect(late).toEqual({
      kind: "failed",
      error: expect.stringMatching(/still PENDING after 60 s; it was cancelled/),
    });
    expect(gateway.requests.get(waiting.state.generationRequestId)?.status).toBe("CANCELLED");

    const orphan = execution();
    orphan.context.run.startedById = null;
    expect(await generationRequestStep.execute(orphan)).toEqual({
      kind: "failed",
      error: expect.stringMatching(/no user who started it/),
    });
  });
});

describe("workspace references", () => {
  const CREATE_BOARD = `mutation($input: CreateKanbanBoardInput!) { createKanbanBoard(input: $input) { board { id } } }`;

  test("refuses a workspace creative does not show the actor with NOT_FOUND, storing nothing", async () => {
    const alice = newTenantUser();
    const foreign = randomUUID();
    gateway.state.hiddenWorkspaces.add(foreign);
    const refused = await h.gql(alice, CREATE_BOARD, { input: { workspaceId: foreign, name: "Stolen" } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    await expect(createWorkflow(h, alice, { workspaceId: foreign })).rejects.toThrow(/NOT_FOUND|No workspace/);
  });

  test("asks creative once per tenant and workspace while the answer is fresh", async () => {
    const alice = newTenantUser();
    const workspaceId = randomUUID();
    const asked = () => gateway.calls.filter((c) => c.operationName === "WorkspaceReference").length;
    const before = asked();
    await createWorkflow(h, alice, { workspaceId });
    await createWorkflow(h, alice, { workspaceId });
    expect(asked() - before).toBe(1);
    const reference = gateway.calls.findLast((c) => c.operationName === "WorkspaceReference")!;
    expect(reference.delegation.fields).toEqual(["Query.workspace"]);
    expect(reference.delegation.actor).toMatchObject({ kind: "user", tenantId: alice.tenantId });
  });
});
