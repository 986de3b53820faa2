import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkflow, waitForStatus } from "./fixtures";
import { errorCode, gql, type Harness, newTenantUser, ok, startHarness, type UserIdentity } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

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
  const boardId = (await ok(h.service, who, BOARD, { input: { workspaceId, name: "Production" } })).createKanbanBoard
    .board.id;
  const todo = (await ok(h.service, who, STAGE, { input: { boardId, name: "To do", color: "#112233" } }))
    .createKanbanStage.stage;
  const doing = (await ok(h.service, who, STAGE, { input: { boardId, name: "Doing", color: "#445566" } }))
    .createKanbanStage.stage;
  const admin = { ...who, role: "ADMIN" as const };
  await ok(h.service, admin, FIELD, {
    input: { workspaceId, name: "budget", type: "NUMBER", config: { min: 0, max: 1000 }, displayOrder: 0 },
  });
  await ok(h.service, admin, FIELD, {
    input: {
      workspaceId,
      name: "channel",
      type: "DROPDOWN",
      config: { options: ["email", "social"] },
      displayOrder: 1,
    },
  });
  await ok(h.service, admin, FIELD, { input: { workspaceId, name: "urgent", type: "CHECKBOX", displayOrder: 2 } });
  await ok(h.service, admin, FIELD, {
    input: { workspaceId, name: "due", type: "DATE", config: { minDate: "2026-01-01" }, displayOrder: 3 },
  });
  const wf = await createWorkflow(h.service, who, { workspaceId, inputSchema: CARD_SCHEMA, steps: echoCard });
  return { workspaceId, boardId, todo, doing, wf };
}

describe("kanban", () => {
  it("places stages by position and refuses a duplicate name or a colour that is not hex", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    expect([b.todo.position, b.doing.position]).toEqual([0, 1]);
    expect(
      await errorCode(h.service, alice, STAGE, { input: { boardId: b.boardId, name: "To do", color: "#000000" } }),
    ).toBe("CONFLICT");
    expect(
      await errorCode(h.service, alice, STAGE, {
        input: { boardId: b.boardId, name: "Done", color: "#000000", position: 1 },
      }),
    ).toBe("CONFLICT");
    const bad = await gql(h.service, alice, STAGE, { input: { boardId: b.boardId, name: "Done", color: "red" } });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.message).toContain("color");
  });

  it("checks card fields against the workspace's definitions, listing every problem", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    const fields = { budget: 5000, channel: "fax", urgent: "yes", due: "2025-12-31", colour: "red" };
    const result = await gql(h.service, alice, CARD, { input: { stageId: b.todo.id, title: "Campaign", fields } });
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
    const good = await ok(h.service, alice, CARD, {
      input: { stageId: b.todo.id, title: "Campaign", fields: { budget: 10, channel: "email", urgent: true } },
    });
    expect(good.createKanbanCard.card.fields).toEqual({ budget: 10, channel: "email", urgent: true });
  });

  it("refuses a field definition whose config does not fit its type (ADMIN only)", async () => {
    const alice = newTenantUser("ADMIN");
    const input = {
      workspaceId: randomUUID(),
      name: "tier",
      type: "DROPDOWN",
      config: { options: [] },
      displayOrder: 0,
    };
    expect(await errorCode(h.service, alice, FIELD, { input })).toBe("BAD_USER_INPUT");
    expect(await errorCode(h.service, { ...alice, role: "EDITOR" }, FIELD, { input })).toBe("FORBIDDEN");
  });

  it("starts runs with the card as input when a card enters and leaves stages", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    await ok(h.service, alice, TRIGGER, { input: { stageId: b.doing.id, workflowId: b.wf.id, event: "STAGE_ENTRY" } });
    await ok(h.service, alice, TRIGGER, { input: { stageId: b.todo.id, workflowId: b.wf.id, event: "STAGE_EXIT" } });
    const card = (await ok(h.service, alice, CARD, { input: { stageId: b.todo.id, title: "Spring launch" } }))
      .createKanbanCard;
    expect(card.startedRuns).toEqual([]);
    const moved = (await ok(h.service, alice, MOVE, { input: { cardId: card.card.id, stageId: b.doing.id } }))
      .moveKanbanCard;
    expect(moved.card.stage.id).toBe(b.doing.id);
    expect(moved.startedRuns).toHaveLength(2);
    const outputs = [];
    for (const run of moved.startedRuns)
      outputs.push((await waitForStatus(h.service, alice, run.id, "SUCCEEDED")).output);
    expect(outputs).toEqual([
      { title: "Spring launch", event: "STAGE_EXIT" },
      { title: "Spring launch", event: "STAGE_ENTRY" },
    ]);
    const RUN_CARD = `query($id: ID!) { workflowRun(id: $id) { triggerCard { id } } }`;
    expect((await ok(h.service, alice, RUN_CARD, { id: moved.startedRuns[0].id })).workflowRun.triggerCard).toEqual({
      id: card.card.id,
    });
  });

  it("fires ATTRIBUTE_CHANGE triggers only when the condition holds", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    await ok(h.service, alice, TRIGGER, {
      input: {
        stageId: b.todo.id,
        workflowId: b.wf.id,
        event: "ATTRIBUTE_CHANGE",
        fieldName: "budget",
        operator: "GREATER_THAN",
        value: 100,
      },
    });
    await ok(h.service, alice, TRIGGER, {
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
      await ok(h.service, alice, CARD, { input: { stageId: b.todo.id, title: "Budget card", fields: { budget: 10 } } })
    ).createKanbanCard.card;
    const low = await ok(h.service, alice, UPDATE, { input: { cardId: card.id, fields: { budget: 50 } } });
    expect(low.updateKanbanCard.startedRuns).toHaveLength(0);
    const high = await ok(h.service, alice, UPDATE, { input: { cardId: card.id, fields: { budget: 500 } } });
    expect(high.updateKanbanCard.startedRuns).toHaveLength(1);
    const same = await ok(h.service, alice, UPDATE, { input: { cardId: card.id, fields: { budget: 500 } } });
    expect(same.updateKanbanCard.startedRuns).toHaveLength(0);
    const social = await ok(h.service, alice, UPDATE, { input: { cardId: card.id, fields: { channel: "social" } } });
    expect(social.updateKanbanCard.startedRuns).toHaveLength(1);
    await waitForStatus(h.service, alice, social.updateKanbanCard.startedRuns[0].id, "SUCCEEDED");
  });

  it("refuses moving a card to another board's stage", async () => {
    const alice = newTenantUser();
    const one = await board(alice);
    const two = await board(alice);
    const card = (await ok(h.service, alice, CARD, { input: { stageId: one.todo.id, title: "x" } })).createKanbanCard
      .card;
    expect(await errorCode(h.service, alice, MOVE, { input: { cardId: card.id, stageId: two.todo.id } })).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("lists a board's stages and cards by position", async () => {
    const alice = newTenantUser();
    const b = await board(alice);
    await ok(h.service, alice, CARD, { input: { stageId: b.todo.id, title: "first" } });
    await ok(h.service, alice, CARD, { input: { stageId: b.todo.id, title: "second" } });
    const q = `query($w: ID!) { kanbanBoards(workspaceId: $w) { edges { node { name stages { name cards { title position } } } } } }`;
    const boards = (await ok(h.service, alice, q, { w: b.workspaceId })).kanbanBoards.edges;
    expect(boards[0].node.stages[0]).toEqual({
      name: "To do",
      cards: [
        { title: "first", position: 0 },
        { title: "second", position: 1 },
      ],
    });
  });
});
