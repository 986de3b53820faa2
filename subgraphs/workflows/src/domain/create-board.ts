import { requireRole } from "@atelier/subgraph-kit";
import { createBoardStore } from "../data/board-store";
import type { WorkflowScope } from "../scope";
import { assertWorkspaceReference } from "./assert-workspace-reference";

export interface CreateBoardInput {
  workspaceId: string;
  name: string;
  description?: string | null;
}

/** Creates a board; its name is unique in the workspace (CONFLICT otherwise). */
export async function createBoard(scope: WorkflowScope, input: CreateBoardInput) {
  requireRole(scope.actor, "EDITOR");
  await assertWorkspaceReference(scope, input.workspaceId);
  return scope.write(async (tx) => {
    const board = await createBoardStore(tx).create({
      workspaceId: input.workspaceId,
      name: input.name,
      description: input.description ?? null,
      createdById: scope.actor.userId,
    });
    tx.audit({
      action: "kanbanBoard.create",
      resourceType: "KanbanBoard",
      resourceId: board.id,
      changes: { name: input.name },
    });
    return board;
  });
}
