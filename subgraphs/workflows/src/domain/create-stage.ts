import { ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import type { WorkflowScope } from "../scope";

export interface CreateStageInput {
  boardId: string;
  name: string;
  color: string;
  position?: number | null;
}

export const DUPLICATE_STAGE = "Another stage of this board has that name or position.";

/** Adds a stage, by default after the last one. */
export function createStage(scope: WorkflowScope, input: CreateStageInput) {
  requireRole(scope.actor, "EDITOR");
  return scope.write(async (tx) => {
    const { db, tenantId } = tx;
    const board = await db.kanbanBoard.findFirst({ where: { id: input.boardId, tenantId } });
    if (!board) throw new NotFoundError("No such board.");
    const last = await db.kanbanStage.findFirst({ where: { boardId: board.id }, orderBy: { position: "desc" } });
    const position = input.position ?? (last ? last.position + 1 : 0);
    const clash = await db.kanbanStage.findFirst({
      where: { boardId: board.id, OR: [{ name: input.name }, { position }] },
    });
    if (clash) throw new ConflictError(DUPLICATE_STAGE);
    const stage = await db.kanbanStage.create({
      data: { tenantId, boardId: board.id, name: input.name, color: input.color, position },
    });
    tx.audit({
      action: "kanbanStage.create",
      resourceType: "KanbanStage",
      resourceId: stage.id,
      changes: { name: input.name, position },
    });
    return stage;
  });
}
