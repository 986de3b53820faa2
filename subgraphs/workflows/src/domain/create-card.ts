import { NotFoundError } from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { checkCardFields } from "./check-card-fields";
import { fireStageTriggers } from "./fire-stage-triggers";
import { inTenantTransaction } from "./tenant-transaction";

export interface CreateCardInput {
  stageId: string;
  title: string;
  description?: string | null;
  fields?: Record<string, unknown> | null;
  dueDate?: Date | null;
}

/** Creates a card at the end of a stage; entering the stage fires its STAGE_ENTRY triggers. */
export function createCard(services: WorkflowServices, actor: Actor, input: CreateCardInput) {
  return inTenantTransaction(services, actor.tenantId, async (tx, notices) => {
    const stage = await tx.kanbanStage.findFirst({
      where: { id: input.stageId, tenantId: actor.tenantId },
      include: { board: true },
    });
    if (!stage) throw new NotFoundError("No such stage.");
    const definitions = await tx.cardFieldDefinition.findMany({
      where: { tenantId: actor.tenantId, workspaceId: stage.board.workspaceId },
    });
    const fields = checkCardFields(definitions, {}, input.fields ?? {});
    const last = await tx.kanbanCard.findFirst({ where: { stageId: stage.id }, orderBy: { position: "desc" } });
    const card = await tx.kanbanCard.create({
      data: {
        tenantId: actor.tenantId,
        boardId: stage.boardId,
        stageId: stage.id,
        title: input.title,
        description: input.description ?? null,
        position: last ? last.position + 1 : 0,
        dueDate: input.dueDate ?? null,
        customFields: fields as Prisma.InputJsonValue,
        createdById: actor.userId,
      },
    });
    await audit(tx, actor, "kanbanCard.create", { type: "KanbanCard", id: card.id }, { stageId: stage.id });
    const startedRuns = await fireStageTriggers(services, tx, notices, actor, card, stage.id, { event: "STAGE_ENTRY" });
    return { card, startedRuns };
  });
}
