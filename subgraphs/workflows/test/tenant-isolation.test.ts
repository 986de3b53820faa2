import { randomUUID } from "node:crypto";
import { newTenantUser, type UserIdentity } from "@atelier/testing";
import { describe, expect } from "vitest";
import { workflowsTest as test, type WorkflowsSubgraph } from "./fixture";
import { createWorkflow, NAME_SCHEMA, runOf, startRun, transformSteps, waitForStatus } from "./workflow-runs";

let h: WorkflowsSubgraph;
const alice: UserIdentity = newTenantUser("OWNER");
const mallory: UserIdentity = newTenantUser("OWNER");
const a = {} as Record<string, string>;

test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  const tpl = await h.ok(
    alice,
    `mutation($i: CreateWorkflowTemplateInput!) { createWorkflowTemplate(input: $i) { template { id } } }`,
    {
      i: {
        name: "Private",
        description: "Alice's own template",
        businessArea: "OTHER",
        complexity: "BEGINNER",
        version: "1.0.0",
        inputSchema: NAME_SCHEMA,
      },
    },
  );
  a.template = tpl.createWorkflowTemplate.template.id;
  const wf = await createWorkflow(h, alice, {
    steps: [...transformSteps(1), { key: "gate", type: "APPROVAL", config: {} }],
  });
  a.workflow = wf.id;
  a.workspace = wf.workspaceId;
  const run = await startRun(h, alice, wf.id, { name: "Ada" }, "alice-key");
  a.run = run.id;
  await waitForStatus(h, alice, run.id, "PAUSED");
  const board = await h.ok(
    alice,
    `mutation($w: ID!) { createKanbanBoard(input: { workspaceId: $w, name: "Alice board" }) { board { id } } }`,
    { w: a.workspace },
  );
  a.board = board.createKanbanBoard.board.id;
  const stage = await h.ok(
    alice,
    `mutation($b: ID!) { createKanbanStage(input: { boardId: $b, name: "Todo", color: "#123456" }) { stage { id } } }`,
    { b: a.board },
  );
  a.stage = stage.createKanbanStage.stage.id;
  await h.ok(
    alice,
    `mutation($w: ID!) { createCardFieldDefinition(input: { workspaceId: $w, name: "budget", type: NUMBER, displayOrder: 0 }) { fieldDefinition { id } } }`,
    { w: a.workspace },
  );
  const card = await h.ok(
    alice,
    `mutation($s: ID!) { createKanbanCard(input: { stageId: $s, title: "Alice card" }) { card { id } } }`,
    { s: a.stage },
  );
  a.card = card.createKanbanCard.card.id;
});

describe("a second tenant", () => {
  test("cannot read the first tenant's templates, workflows or runs", async () => {
    const q = (query: string, variables: Record<string, unknown>) => h.ok(mallory, query, variables);
    expect(
      (await q(`query($id: ID!) { workflowTemplate(id: $id) { id } }`, { id: a.template })).workflowTemplate,
    ).toBeNull();
    const templates = (await q(`query { workflowTemplates(includeInactive: true) { edges { node { id } } } }`, {}))
      .workflowTemplates.edges;
    expect(templates.map((e: { node: { id: string } }) => e.node.id)).not.toContain(a.template);
    expect((await q(`query($id: ID!) { workflow(id: $id) { id } }`, { id: a.workflow })).workflow).toBeNull();
    expect(
      (await q(`query($w: ID) { workflows(workspaceId: $w) { edges { node { id } } } }`, { w: a.workspace })).workflows
        .edges,
    ).toEqual([]);
    expect((await q(`query { workflows { edges { node { id } } } }`, {})).workflows.edges).toEqual([]);
    expect(await runOf(h, mallory, a.run!)).toBeNull();
    expect((await q(`query { workflowRuns { edges { node { id } } } }`, {})).workflowRuns.edges).toEqual([]);
    expect(
      (await q(`query($w: ID) { workflowRuns(workflowId: $w) { edges { node { id } } } }`, { w: a.workflow }))
        .workflowRuns.edges,
    ).toEqual([]);
  });

  test("cannot read the first tenant's run events or workspace feed", async () => {
    expect(
      await h.errorCode(mallory, `query($r: ID!) { workflowRunEvents(runId: $r) { sequence } }`, { r: a.run }),
    ).toBe("NOT_FOUND");
    const feed = await h.ok(mallory, `query($w: ID!) { workflowRunFeedEvents(workspaceId: $w) { sequence } }`, {
      w: a.workspace,
    });
    expect(feed.workflowRunFeedEvents).toEqual([]);
  });

  test("cannot read the first tenant's boards, cards or field definitions", async () => {
    const q = (query: string, variables: Record<string, unknown>) => h.ok(mallory, query, variables);
    expect(
      (await q(`query($w: ID!) { kanbanBoards(workspaceId: $w) { edges { node { id } } } }`, { w: a.workspace }))
        .kanbanBoards.edges,
    ).toEqual([]);
    expect((await q(`query($id: ID!) { kanbanBoard(id: $id) { id } }`, { id: a.board })).kanbanBoard).toBeNull();
    expect((await q(`query($id: ID!) { kanbanCard(id: $id) { id } }`, { id: a.card })).kanbanCard).toBeNull();
    expect(
      (await q(`query($w: ID!) { cardFieldDefinitions(workspaceId: $w) { id } }`, { w: a.workspace }))
        .cardFieldDefinitions,
    ).toEqual([]);
  });

  test("cannot change the first tenant's templates, workflows or runs", async () => {
    const code = (query: string, variables: Record<string, unknown>) => h.errorCode(mallory, query, variables);
    expect(
      await code(
        `mutation($id: ID!) { updateWorkflowTemplate(input: { id: $id, isActive: false }) { template { id } } }`,
        { id: a.template },
      ),
    ).toBe("NOT_FOUND");
    expect(
      await code(
        `mutation($id: ID!) { createWorkflow(input: { workspaceId: $id, name: "steal", templateId: $id }) { workflow { id } } }`.replace(
          "templateId: $id",
          `templateId: "${a.template}"`,
        ),
        { id: randomUUID() },
      ),
    ).toBe("NOT_FOUND");
    expect(
      await code(`mutation($id: ID!) { updateWorkflow(input: { id: $id, status: ARCHIVED }) { workflow { id } } }`, {
        id: a.workflow,
      }),
    ).toBe("NOT_FOUND");
    expect(
      await code(
        `mutation($id: ID!) { startWorkflowRun(input: { workflowId: $id, input: { name: "x" }, idempotencyKey: "alice-key" }) { run { id } } }`,
        { id: a.workflow },
      ),
    ).toBe("NOT_FOUND");
    for (const m of ["cancelWorkflowRun", "retryWorkflowRun", "pauseWorkflowRun", "resumeWorkflowRun"]) {
      expect(await code(`mutation($id: ID!) { ${m}(input: { runId: $id }) { run { id } } }`, { id: a.run })).toBe(
        "NOT_FOUND",
      );
    }
    expect((await runOf(h, alice, a.run!)).status).toBe("PAUSED");
  });

  test("cannot change the first tenant's boards, stages, cards or triggers", async () => {
    const code = (query: string, variables: Record<string, unknown>) => h.errorCode(mallory, query, variables);
    expect(
      await code(
        `mutation($b: ID!) { createKanbanStage(input: { boardId: $b, name: "Evil", color: "#000000" }) { stage { id } } }`,
        { b: a.board },
      ),
    ).toBe("NOT_FOUND");
    expect(
      await code(`mutation($s: ID!) { updateKanbanStage(input: { id: $s, name: "Evil" }) { stage { id } } }`, {
        s: a.stage,
      }),
    ).toBe("NOT_FOUND");
    expect(
      await code(`mutation($s: ID!) { createKanbanCard(input: { stageId: $s, title: "Evil" }) { card { id } } }`, {
        s: a.stage,
      }),
    ).toBe("NOT_FOUND");
    expect(
      await code(`mutation($c: ID!, $s: ID!) { moveKanbanCard(input: { cardId: $c, stageId: $s }) { card { id } } }`, {
        c: a.card,
        s: a.stage,
      }),
    ).toBe("NOT_FOUND");
    expect(
      await code(`mutation($c: ID!) { updateKanbanCard(input: { cardId: $c, title: "Evil" }) { card { id } } }`, {
        c: a.card,
      }),
    ).toBe("NOT_FOUND");
    expect(
      await code(
        `mutation($s: ID!, $w: ID!) { createStageTrigger(input: { stageId: $s, workflowId: $w, event: STAGE_ENTRY }) { trigger { id } } }`,
        { s: a.stage, w: a.workflow },
      ),
    ).toBe("NOT_FOUND");
    const card = await h.ok(alice, `query($id: ID!) { kanbanCard(id: $id) { title stage { name triggers { id } } } }`, {
      id: a.card,
    });
    expect(card.kanbanCard).toEqual({ title: "Alice card", stage: { name: "Todo", triggers: [] } });
  });

  test("creating boards and fields under the first tenant's workspace id stays in its own tenant", async () => {
    await h.ok(
      mallory,
      `mutation($w: ID!) { createKanbanBoard(input: { workspaceId: $w, name: "Alice board" }) { board { id } } }`,
      { w: a.workspace },
    );
    await h.ok(
      mallory,
      `mutation($w: ID!) { createCardFieldDefinition(input: { workspaceId: $w, name: "budget", type: TEXT, displayOrder: 0 }) { fieldDefinition { id } } }`,
      { w: a.workspace },
    );
    const boards = await h.ok(alice, `query($w: ID!) { kanbanBoards(workspaceId: $w) { edges { node { id } } } }`, {
      w: a.workspace,
    });
    expect(boards.kanbanBoards.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([a.board]);
    const fields = await h.ok(alice, `query($w: ID!) { cardFieldDefinitions(workspaceId: $w) { type } }`, {
      w: a.workspace,
    });
    expect(fields.cardFieldDefinitions).toEqual([{ type: "NUMBER" }]);
  });

  test("is refused without a tenant, and requests without the gateway's identity are refused", async () => {
    const noTenant = { ...mallory, tenantId: null, role: null };
    expect(await h.errorCode(noTenant, `query { workflows { edges { node { id } } } }`)).toBe("FORBIDDEN");
    const res = await fetch(h.service.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ workflowsHealth }" }),
    });
    expect(res.status).toBe(401);
  });
});
