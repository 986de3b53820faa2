import { randomUUID } from "node:crypto";
import { newTenantUser, type UserIdentity } from "@atelier/testing";
import { describe, expect } from "vitest";
import { workflowsTest as test, type WorkflowsSubgraph } from "./fixture";
import { createWorkflow, waitForStatus } from "./workflow-runs";

let h: WorkflowsSubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

const CARD_SCHEMA = {
  type: "object",
  required: ["card", "trigger"],
  properties: { card: { type: "object", required: ["id", "title"] }, trigger: { type: "object" } },
};
const echoCard = [
  {
    key: "echo",
    type: "TRANSFORM",
    config: { output: { title: { $pointer: "/input/card/title" }, event: { $pointer: "/input/trigger/event" } } },
  },
];

const BOARD = `mutation($input: CreateKanbanBoardInput!) { createKanbanBoard(input: $input) { board { id } } }`;
const STAGE = `mutation($input: CreateKanbanStageInput!) { createKanbanStage(input: $input) { stage { id position color } } }`;
const FIELD = `mutation($input: CreateCardFieldDefinitionInput!) { createCardFieldDefinition(input: $input) { fieldDefinition { id name config } } }`;
const TRIGGER = `mutation($input: CreateStageTriggerInput!) { createStageTrigger(input: $input) { trigger { id event } } }`;
const CARD = `mutation($input: CreateKanbanCardInput!) { createKanbanCard(input: $input) { card { id fields stage { id } } startedRuns { id status } } }`;
const MOVE = `mutation($input: MoveKanbanCardInput!) { moveKanbanCard(input: $input) { card { id stage { id } } startedRuns { id } } }`;
const UPDATE = `mutation($input: UpdateKanbanCardInput!) { updateKanbanCard(input: $input) { card { id fields } startedRuns { id } } }`;

async function board(who: UserIdentity) {
  const workspaceId = randomUUID();
  const boardId = (await h.ok(who, BOARD, { input: { workspaceId, name: "Production" } })).createKanbanBoard.board.id;
  const todo = (await h.ok(who, STAGE, { input: { boardId, name: "To do", color: "#112233" } })).createKanbanStage
    .stage;
  const doing = (await h.ok(who, STAGE, { input: { boardId, name: "Doing", color: "#445566" } })).createKanbanStage
    .stage;
  const admin = { ...who, role: "ADMIN" as const };
  await h.ok(admin, FIELD, {
    input: { workspaceId, name: "budget", type: "NUMBER", config: { min: 0, max: 1000 }, displayOrder: 0 },
  });
  await h.ok(admin, FIELD, {
    input: {
      workspaceId,
      name: "channel",
      type: "DROPDOWN",
      config: { options: ["email", "social"] },
      displayOrder: 1,
    },
  });
  await h.ok(admin, FIELD, { input: { workspaceId, name: "urgent", type: "CHECKBOX", displayOrder: 2 } });
  await h.ok(admin, FIELD, {
    input: { workspaceId, name: "due", type: "DATE", config: { minDate: "2026-01-01" }, displayOrder: 3 },
  });
  const wf = await createWorkflow(h, who, { workspaceId, inputSchema: CARD_SCHEMA, steps: echoCard });
  return { workspaceId, boardId, todo, doing, wf };
}

describe("kanban", () => {
  test("places stages by position and refuses a duplicate name or a colour that is not hex", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    expect([b.todo.position, b.doing.position]).toEqual([0, 1]);
    expect(await h.errorCode(alice, STAGE, { input: { boardId: b.boardId, name: "To do", color: "#000000" } })).toBe(
      "CONFLICT",
    );
    expect(
      await h.errorCode(alice, STAGE, {
        input: { boardId: b.boardId, name: "Done", color: "#000000", position: 1 },
      }),
    ).toBe("CONFLICT");
    const bad = await h.gql(alice, STAGE, { input: { boardId: b.boardId, name: "Done", color: "red" } });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.message).toContain("color");
  });

  test("checks card fields against the workspace's definitions, listing every problem", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    const fields = { budget: 5000, channel: "fax", urgent: "yes", due: "2025-12-31", colour: "red" };
    const result = await h.gql(alice, CARD, { input: { stageId: b.todo.id, title: "Campaign", fields } });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const message = result.errors?.[0]?.message ?? "";
    for (const part of [
      "fields.budget: must be at most 1000",
      "fields.channel: must be one of email, social",
      "fields.urgent",
      "fields.due",
      "fields.colour: no such field",
    ]) {
      expect(message).toContain(part);
    }
    const good = await h.ok(alice, CARD, {
      input: { stageId: b.todo.id, title: "Campaign", fields: { budget: 10, channel: "email", urgent: true } },
    });
    expect(good.createKanbanCard.card.fields).toEqual({ budget: 10, channel: "email", urgent: true });
  });

  test("refuses a field definition whose config does not fit its type (ADMIN only)", async () => {
    const alice = newTenantUser("ADMIN");
    const input = {
      workspaceId: randomUUID(),
      name: "tier",
      type: "DROPDOWN",
      config: { options: [] },
      displayOrder: 0,
    };
    expect(await h.errorCode(alice, FIELD, { input })).toBe("BAD_USER_INPUT");
    expect(await h.errorCode({ ...alice, role: "EDITOR" }, FIELD, { input })).toBe("FORBIDDEN");
  });

  test("starts runs with the card as input when a card enters and leaves stages", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    await h.ok(alice, TRIGGER, { input: { stageId: b.doing.id, workflowId: b.wf.id, event: "STAGE_ENTRY" } });
    await h.ok(alice, TRIGGER, { input: { stageId: b.todo.id, workflowId: b.wf.id, event: "STAGE_EXIT" } });
    const card = (await h.ok(alice, CARD, { input: { stageId: b.todo.id, title: "Spring launch" } })).createKanbanCard;
    expect(card.startedRuns).toEqual([]);
    const moved = (await h.ok(alice, MOVE, { input: { cardId: card.card.id, stageId: b.doing.id } })).moveKanbanCard;
    expect(moved.card.stage.id).toBe(b.doing.id);
    expect(moved.startedRuns).toHaveLength(2);
    const outputs = [];
    for (const run of moved.startedRuns) outputs.push((await waitForStatus(h, alice, run.id, "SUCCEEDED")).output);
    expect(outputs).toEqual([
      { title: "Spring launch", event: "STAGE_EXIT" },
      { title: "Spring launch", event: "STAGE_ENTRY" },
    ]);
    const RUN_CARD = `query($id: ID!) { workflowRun(id: $id) { triggerCard { id } } }`;
    expect((await h.ok(alice, RUN_CARD, { id: moved.startedRuns[0].id })).workflowRun.triggerCard).toEqual({
      id: card.card.id,
    });
  });

  test("fires ATTRIBUTE_CHANGE triggers only when the condition holds", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    await h.ok(alice, TRIGGER, {
      input: {
        stageId: b.todo.id,
        workflowId: b.wf.id,
        event: "ATTRIBUTE_CHANGE",
        fieldName: "budget",
        operator: "GREATER_THAN",
        value: 100,
      },
    });
    await h.ok(alice, TRIGGER, {
      input: {
        stageId: b.todo.id,
        workflowId: b.wf.id,
        event: "ATTRIBUTE_CHANGE",
        fieldName: "channel",
        operator: "CONTAINS",
        value: "soc",
      },
    });
    const card = (
      await h.ok(alice, CARD, { input: { stageId: b.todo.id, title: "Budget card", fields: { budget: 10 } } })
    ).createKanbanCard.card;
    const low = await h.ok(alice, UPDATE, { input: { cardId: card.id, fields: { budget: 50 } } });
    expect(low.updateKanbanCard.startedRuns).toHaveLength(0);
    const high = await h.ok(alice, UPDATE, { input: { cardId: card.id, fields: { budget: 500 } } });
    expect(high.updateKanbanCard.startedRuns).toHaveLength(1);
    const same = await h.ok(alice, UPDATE, { input: { cardId: card.id, fields: { budget: 500 } } });
    expect(same.updateKanbanCard.startedRuns).toHaveLength(0);
    const social = await h.ok(alice, UPDATE, { input: { cardId: card.id, fields: { channel: "social" } } });
    expect(social.updateKanbanCard.startedRuns).toHaveLength(1);
    await waitForStatus(h, alice, social.updateKanbanCard.startedRuns[0].id, "SUCCEEDED");
  });

  test("refuses moving a card to another board's stage", async () => {
    const alice = newTenantUser();
    const one = await board(alice);
    const two = await board(alice);
    const card = (await h.ok(alice, CARD, { input: { stageId: one.todo.id, title: "x" } })).createKanbanCard.card;
    expect(await h.errorCode(alice, MOVE, { input: { cardId: card.id, stageId: two.todo.id } })).toBe("BAD_USER_INPUT");
  });

  test("lists a board's stages and cards by position", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    await h.ok(alice, CARD, { input: { stageId: b.todo.id, title: "first" } });
    await h.ok(alice, CARD, { input: { stageId: b.todo.id, title: "second" } });
    const q = `query($w: ID!) { kanbanBoards(workspaceId: $w) { edges { node { name stages { name cards { title position } } } } } }`;
    const boards = (await h.ok(alice, q, { w: b.workspaceId })).kanbanBoards.edges;
    expect(boards[0].node.stages[0]).toEqual({
      name: "To do",
      cards: [
        { title: "first", position: 0 },
        { title: "second", position: 1 },
      ],
    });
  });
});
