import { BadUserInputError, NotFoundError } from "@atelier/subgraph-kit";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { fireStageTriggers } from "./fire-stage-triggers";
import { inTenantTransaction } from "./tenant-transaction";

export interface MoveCardInput {
  cardId: string;
  stageId: string;
  position?: number | null;
}

/**
 * Moves a card to a stage of its board. Changing stage fires the old stage's STAGE_EXIT and
 * the new stage's STAGE_ENTRY triggers, in the move's transaction.
 */
export function moveCard(services: WorkflowServices, actor: Actor, input: MoveCardInput) {
  return inTenantTransaction(services, actor.tenantId, async (tx, notices) => {
    const card = await tx.kanbanCard.findFirst({ where: { id: input.cardId, tenantId: actor.tenantId } });
    if (!card) throw new NotFoundError("No such card.");
    const stage = await tx.kanbanStage.findFirst({ where: { id: input.stageId, tenantId: actor.tenantId } });
    if (!stage) throw new NotFoundError("No such stage.");
    if (stage.boardId !== card.boardId) throw new BadUserInputError("stageId: the stage belongs to another board");
    const last = await tx.kanbanCard.findFirst({
      where: { stageId: stage.id, NOT: { id: card.id } },
      orderBy: { position: "desc" },
    });
    const position = input.position ?? (last ? last.position + 1 : 0);
    const moved = await tx.kanbanCard.update({ where: { id: card.id }, data: { stageId: stage.id, position } });
    await audit(
      tx,
      actor,
      "kanbanCard.move",
      { type: "KanbanCard", id: card.id },
      { from: card.stageId, to: stage.id, position },
    );
    if (card.stageId === stage.id) return { card: moved, startedRuns: [] };
    const exitRuns = await fireStageTriggers(services, tx, notices, actor, moved, card.stageId, {
      event: "STAGE_EXIT",
    });
    const entryRuns = await fireStageTriggers(services, tx, notices, actor, moved, stage.id, { event: "STAGE_ENTRY" });
    return { card: moved, startedRuns: [...exitRuns, ...entryRuns] };
  });
}
