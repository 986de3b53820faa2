import { BadUserInputError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import type { WorkflowScope } from "../scope";
import { fireStageTriggers } from "./fire-stage-triggers";

export interface MoveCardInput {
  cardId: string;
  stageId: string;
  position?: number | null;
}

/**
 * Moves a card to a stage of its board. Changing stage fires the old stage's STAGE_EXIT and
 * the new stage's STAGE_ENTRY triggers, in the move's transaction.
 */
export function moveCard(scope: WorkflowScope, input: MoveCardInput) {
  requireRole(scope.actor, "EDITOR");
  return scope.write(async (tx) => {
    const { db, tenantId } = tx;
    const card = await db.kanbanCard.findFirst({ where: { id: input.cardId, tenantId } });
    if (!card) throw new NotFoundError("No such card.");
    const stage = await db.kanbanStage.findFirst({ where: { id: input.stageId, tenantId } });
    if (!stage) throw new NotFoundError("No such stage.");
    if (stage.boardId !== card.boardId) throw new BadUserInputError("stageId: the stage belongs to another board");
    const last = await db.kanbanCard.findFirst({
      where: { stageId: stage.id, NOT: { id: card.id } },
      orderBy: { position: "desc" },
    });
    const position = input.position ?? (last ? last.position + 1 : 0);
    const moved = await db.kanbanCard.update({ where: { id: card.id }, data: { stageId: stage.id, position } });
    tx.audit({
      action: "kanbanCard.move",
      resourceType: "KanbanCard",
      resourceId: card.id,
      changes: { from: card.stageId, to: stage.id, position },
    });
    if (card.stageId === stage.id) return { card: moved, startedRuns: [] };
    const exitRuns = await fireStageTriggers(scope, tx, moved, card.stageId, { event: "STAGE_EXIT" });
    const entryRuns = await fireStageTriggers(scope, tx, moved, stage.id, { event: "STAGE_ENTRY" });
    return { card: moved, startedRuns: [...exitRuns, ...entryRuns] };
  });
}
