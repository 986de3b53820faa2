import { NotFoundError } from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { checkCardFields } from "./check-card-fields";
import { fireStageTriggers } from "./fire-stage-triggers";
import { inTenantTransaction } from "./tenant-transaction";

export interface UpdateCardInput {
  cardId: string;
  title?: string | null;
  description?: string | null;
  fields?: Record<string, unknown> | null;
}

/** Changes a card; fields whose value changed fire the stage's ATTRIBUTE_CHANGE triggers. */
export function updateCard(services: WorkflowServices, actor: Actor, input: UpdateCardInput) {
  return inTenantTransaction(services, actor.tenantId, async (tx, notices) => {
    const card = await tx.kanbanCard.findFirst({
      where: { id: input.cardId, tenantId: actor.tenantId },
      include: { board: true },
    });
    if (!card) throw new NotFoundError("No such card.");
    const current = (card.customFields ?? {}) as Record<string, unknown>;
    const definitions = await tx.cardFieldDefinition.findMany({
      where: { tenantId: actor.tenantId, workspaceId: card.board.workspaceId },
    });
    const fields = checkCardFields(definitions, current, input.fields ?? {});
    const changedFields = Object.keys({ ...current, ...fields }).filter(
      (name) => JSON.stringify(current[name]) !== JSON.stringify(fields[name]),
    );
    const updated = await tx.kanbanCard.update({
      where: { id: card.id },
      data: {
        ...(input.title != null ? { title: input.title } : {}),
        ...(input.description != null ? { description: input.description } : {}),
        customFields: fields as Prisma.InputJsonValue,
      },
    });
    await audit(tx, actor, "kanbanCard.update", { type: "KanbanCard", id: card.id }, { changedFields });
    const startedRuns =
      changedFields.length > 0
        ? await fireStageTriggers(services, tx, notices, actor, updated, card.stageId, {
            event: "ATTRIBUTE_CHANGE",
            changedFields,
          })
        : [];
    return { card: updated, startedRuns };
  });
}
