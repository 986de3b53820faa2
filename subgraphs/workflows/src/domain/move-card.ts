import { BadUserInputError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createCardStore } from "../data/card-store";
import { createStageStore } from "../data/stage-store";
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
    const cards = createCardStore(tx);
    const card = await cards.find(input.cardId);
    if (!card) throw new NotFoundError("No such card.");
    const stage = await createStageStore(tx).find(input.stageId);
    if (!stage) throw new NotFoundError("No such stage.");
    if (stage.boardId !== card.boardId) throw new BadUserInputError("stageId: the stage belongs to another board");
    const last = await cards.last(stage.id, card.id);
    const position = input.position ?? (last ? last.position + 1 : 0);
    const moved = await cards.update(card.id, { stageId: stage.id, position });
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
