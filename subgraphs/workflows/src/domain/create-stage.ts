import { ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createBoardStore } from "../data/board-store";
import { createStageStore } from "../data/stage-store";
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
    const stages = createStageStore(tx);
    const board = await createBoardStore(tx).find(input.boardId);
    if (!board) throw new NotFoundError("No such board.");
    const last = await stages.last(board.id);
    const position = input.position ?? (last ? last.position + 1 : 0);
    if (await stages.clash(board.id, input.name, position)) throw new ConflictError(DUPLICATE_STAGE);
    const stage = await stages.create({ boardId: board.id, name: input.name, color: input.color, position });
    tx.audit({
      action: "kanbanStage.create",
      resourceType: "KanbanStage",
      resourceId: stage.id,
      changes: { name: input.name, position },
    });
    return stage;
  });
}
