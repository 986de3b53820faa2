import type { Db } from "../data/db";
import type { KanbanCard, WorkflowRun } from "../generated/prisma/client";
import { schemaViolations } from "../json-schema/validator";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { createQueuedRun } from "./create-queued-run";
import type { Notices } from "./tenant-transaction";
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
  services: Pick<WorkflowServices, "queue" | "config">,
  tx: Db,
  notices: Notices,
  actor: Actor,
  card: KanbanCard,
  stageId: string,
  happened: CardEvent,
): Promise<WorkflowRun[]> {
  const triggers = await tx.stageTrigger.findMany({
    where: { tenantId: actor.tenantId, stageId, isActive: true },
    include: { workflow: true },
    orderBy: { createdAt: "asc" },
  });
  const fields = (card.customFields ?? {}) as Record<string, unknown>;
  const runs: WorkflowRun[] = [];
  for (const trigger of triggers) {
    if (!triggerMatches(trigger, happened, fields) || trigger.workflow.status !== "ACTIVE") continue;
    const input = cardInput(card, stageId, happened);
    const violations = schemaViolations(trigger.workflow.inputSchema, input);
    const resource = { type: "StageTrigger", id: trigger.id };
    if (violations.length > 0) {
      await audit(tx, actor, "stageTrigger.refuse", resource, { cardId: card.id, violations });
      continue;
    }
    const run = await createQueuedRun(services, tx, notices, actor, {
      workflow: trigger.workflow,
      input,
      triggerCardId: card.id,
    });
    await audit(
      tx,
      actor,
      "workflowRun.start",
      { type: "WorkflowRun", id: run.id },
      { triggerId: trigger.id, cardId: card.id },
    );
    runs.push(run);
  }
  return runs;
}
