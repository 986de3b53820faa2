import type { UserIdentity } from "@atelier/testing";
import type { WorkflowsSubgraph } from "./fixture";
import { createWorkflow, NAME_SCHEMA, startRun, transformSteps, waitForStatus } from "./workflow-runs";

export interface Seeded {
  template: string;
  workflow: string;
  cardWorkflow: string;
  pausedRun: string;
  triggeredRun: string;
  board: string;
  stages: string[];
  card: string;
  trigger: string;
  fieldDefinition: string;
  ids: string[];
}

/** One tenant's rows of every kind in `workspaceId`, made through the API as `user`; `ids` lists them all. */
export async function seedTenantRows(h: WorkflowsSubgraph, user: UserIdentity, workspaceId: string): Promise<Seeded> {
  const run = (query: string, variables: Record<string, unknown> = {}) => h.ok(user, query, variables);
  const template = (
    await run(`mutation($i: CreateWorkflowTemplateInput!) { createWorkflowTemplate(input: $i) { template { id } } }`, {
      i: {
        name: "Own",
        description: "A template of the tenant's own",
        businessArea: "OTHER",
        complexity: "BEGINNER",
        version: "1.0.0",
        inputSchema: NAME_SCHEMA,
      },
    })
  ).createWorkflowTemplate.template.id;
  const workflow = await createWorkflow(h, user, {
    workspaceId,
    steps: [...transformSteps(1), { key: "gate", type: "APPROVAL", config: {} }],
  });
  const cardWorkflow = await createWorkflow(h, user, {
    workspaceId,
    inputSchema: { type: "object" },
    steps: transformSteps(1),
  });
  const pausedRun = (await startRun(h, user, workflow.id)).id;
  await waitForStatus(h, user, pausedRun, "PAUSED");
  const board = (
    await run(`mutation($w: ID!) { createKanbanBoard(input: { workspaceId: $w, name: "Board" }) { board { id } } }`, {
      w: workspaceId,
    })
  ).createKanbanBoard.board.id;
  const stages: string[] = [];
  for (const name of ["Todo", "Done"]) {
    const created = await run(
      `mutation($b: ID!, $n: String!) { createKanbanStage(input: { boardId: $b, name: $n, color: "#123456" }) { stage { id } } }`,
      { b: board, n: name },
    );
    stages.push(created.createKanbanStage.stage.id);
  }
  const fieldDefinition = (
    await run(
      `mutation($w: ID!) { createCardFieldDefinition(input: { workspaceId: $w, name: "budget", type: NUMBER, displayOrder: 0 }) { fieldDefinition { id } } }`,
      { w: workspaceId },
    )
  ).createCardFieldDefinition.fieldDefinition.id;
  const trigger = (
    await run(
      `mutation($s: ID!, $w: ID!) { createStageTrigger(input: { stageId: $s, workflowId: $w, event: STAGE_ENTRY }) { trigger { id } } }`,
      { s: stages[1], w: cardWorkflow.id },
    )
  ).createStageTrigger.trigger.id;
  const card = (
    await run(
      `mutation($s: ID!) { createKanbanCard(input: { stageId: $s, title: "Card", fields: { budget: 3 } }) { card { id } } }`,
      { s: stages[0] },
    )
  ).createKanbanCard.card.id;
  const moved = await run(
    `mutation($c: ID!, $s: ID!) { moveKanbanCard(input: { cardId: $c, stageId: $s }) { startedRuns { id } } }`,
    { c: card, s: stages[1] },
  );
  const triggeredRun = moved.moveKanbanCard.startedRuns[0].id;
  await waitForStatus(h, user, triggeredRun, "SUCCEEDED");
  const ids = [template, workflow.id, cardWorkflow.id, pausedRun, triggeredRun, board, ...stages, card, trigger];
  return {
    template,
    workflow: workflow.id,
    cardWorkflow: cardWorkflow.id,
    pausedRun,
    triggeredRun,
    board,
    stages,
    card,
    trigger,
    fieldDefinition,
    ids: [...ids, fieldDefinition],
  };
}
