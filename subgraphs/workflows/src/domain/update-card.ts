import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createCardStore } from "../data/card-store";
import { createFieldDefinitionStore } from "../data/field-definition-store";
import type { Prisma } from "../generated/prisma/client";
import type { WorkflowScope } from "../scope";
import { checkCardFields } from "./check-card-fields";
import { fireStageTriggers } from "./fire-stage-triggers";

export interface UpdateCardInput {
  cardId: string;
  title?: string | null;
  description?: string | null;
  fields?: Record<string, unknown> | null;
}

/** Changes a card; fields whose value changed fire the stage's ATTRIBUTE_CHANGE triggers. */
export function updateCard(scope: WorkflowScope, input: UpdateCardInput) {
  requireRole(scope.actor, "EDITOR");
  return scope.write(async (tx) => {
    const cards = createCardStore(tx);
    const card = await cards.findWithBoard(input.cardId);
    if (!card) throw new NotFoundError("No such card.");
    const current = (card.customFields ?? {}) as Record<string, unknown>;
    const definitions = await createFieldDefinitionStore(tx).forWorkspace(card.board.workspaceId);
    const fields = checkCardFields(definitions, current, input.fields ?? {});
    const changedFields = Object.keys({ ...current, ...fields }).filter(
      (name) => JSON.stringify(current[name]) !== JSON.stringify(fields[name]),
    );
    const updated = await cards.update(card.id, {
      ...(input.title != null ? { title: input.title } : {}),
      ...(input.description != null ? { description: input.description } : {}),
      customFields: fields as Prisma.InputJsonValue,
    });
    tx.audit({
      action: "kanbanCard.update",
      resourceType: "KanbanCard",
      resourceId: card.id,
      changes: { changedFields },
    });
    const startedRuns =
      changedFields.length > 0
        ? await fireStageTriggers(scope, tx, updated, card.stageId, { event: "ATTRIBUTE_CHANGE", changedFields })
        : [];
    return { card: updated, startedRuns };
  });
}
