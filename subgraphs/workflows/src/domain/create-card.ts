import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
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
    const { db, tenantId } = tx;
    const stage = await db.kanbanStage.findFirst({ where: { id: input.stageId, tenantId }, include: { board: true } });
    if (!stage) throw new NotFoundError("No such stage.");
    const definitions = await db.cardFieldDefinition.findMany({
      where: { tenantId, workspaceId: stage.board.workspaceId },
    });
    const fields = checkCardFields(definitions, {}, input.fields ?? {});
    const last = await db.kanbanCard.findFirst({ where: { stageId: stage.id }, orderBy: { position: "desc" } });
    const card = await db.kanbanCard.create({
      data: {
        tenantId,
        boardId: stage.boardId,
        stageId: stage.id,
        title: input.title,
        description: input.description ?? null,
        position: last ? last.position + 1 : 0,
        dueDate: input.dueDate ?? null,
        customFields: fields as Prisma.InputJsonValue,
        createdById: scope.actor.userId,
      },
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
