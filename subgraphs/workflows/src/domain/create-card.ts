import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createCardStore } from "../data/card-store";
import { createFieldDefinitionStore } from "../data/field-definition-store";
import { createStageStore } from "../data/stage-store";
import type { Prisma } from "../generated/prisma/client";
import type { WorkflowScope } from "../scope";
import { checkCardFields } from "./check-card-fields";
import { fireStageTriggers } from "./fire-stage-triggers";

export interface CreateCardInput {
  stageId: string;
  title: string;
  description?: string | null;
  fields?: Record<string, unknown> | null;
  dueDate?: Date | null;
}

/** Creates a card at the end of a stage; entering the stage fires its STAGE_ENTRY triggers. */
export function createCard(scope: WorkflowScope, input: CreateCardInput) {
  requireRole(scope.actor, "EDITOR");
  return scope.write(async (tx) => {
    const cards = createCardStore(tx);
    const stage = await createStageStore(tx).findWithBoard(input.stageId);
    if (!stage) throw new NotFoundError("No such stage.");
    const definitions = await createFieldDefinitionStore(tx).forWorkspace(stage.board.workspaceId);
    const fields = checkCardFields(definitions, {}, input.fields ?? {});
    const last = await cards.last(stage.id);
    const card = await cards.create({
      boardId: stage.boardId,
      stageId: stage.id,
      title: input.title,
      description: input.description ?? null,
      position: last ? last.position + 1 : 0,
      dueDate: input.dueDate ?? null,
      customFields: fields as Prisma.InputJsonValue,
      createdById: scope.actor.userId,
    });
    tx.audit({
      action: "kanbanCard.create",
      resourceType: "KanbanCard",
      resourceId: card.id,
      changes: { stageId: stage.id },
    });
    const startedRuns = await fireStageTriggers(scope, tx, card, stage.id, { event: "STAGE_ENTRY" });
    return { card, startedRuns };
  });
}
