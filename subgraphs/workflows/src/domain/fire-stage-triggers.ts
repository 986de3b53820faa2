import { createTriggerStore } from "../data/trigger-store";
import type { KanbanCard, WorkflowRun } from "../generated/prisma/client";
import { schemaViolations } from "../json-schema/validator";
import type { WorkflowScope, WriteTx } from "../scope";
import { createQueuedRun } from "./create-queued-run";
import { type CardEvent, triggerMatches } from "./trigger-matches";

/** The run input a trigger hands its workflow: the card and what happened to it. */
function cardInput(card: KanbanCard, stageId: string, happened: CardEvent) {
  return {
    card: {
      id: card.id,
      boardId: card.boardId,
      stageId: card.stageId,
      title: card.title,
      description: card.description,
      position: card.position,
      dueDate: card.dueDate?.toISOString() ?? null,
      fields: card.customFields,
    },
    trigger: { ...happened, stageId },
  };
}

/**
 * Starts a run for each of the stage's triggers that fires, in the card change's transaction
 * (the jobs are enqueued with it). Input the workflow's schema refuses is not started: the
 * refusal is recorded as an audit event instead, so the card change still goes through.
 */
export async function fireStageTriggers(
  scope: WorkflowScope,
  tx: WriteTx,
  card: KanbanCard,
  stageId: string,
  happened: CardEvent,
): Promise<WorkflowRun[]> {
  const triggers = await createTriggerStore(tx).activeForStage(stageId);
  const fields = (card.customFields ?? {}) as Record<string, unknown>;
  const runs: WorkflowRun[] = [];
  for (const trigger of triggers) {
    if (!triggerMatches(trigger, happened, fields) || trigger.workflow.status !== "ACTIVE") continue;
    const input = cardInput(card, stageId, happened);
    const violations = schemaViolations(trigger.workflow.inputSchema, input);
    if (violations.length > 0) {
      tx.audit({
        action: "stageTrigger.refuse",
        resourceType: "StageTrigger",
        resourceId: trigger.id,
        changes: { cardId: card.id, violations },
      });
      continue;
    }
    const run = await createQueuedRun(scope.services, tx, {
      workflow: trigger.workflow,
      input,
      startedById: scope.actor.userId,
      triggerCardId: card.id,
    });
    tx.audit({
      action: "workflowRun.start",
      resourceType: "WorkflowRun",
      resourceId: run.id,
      changes: { triggerId: trigger.id, cardId: card.id },
    });
    runs.push(run);
  }
  return runs;
}
