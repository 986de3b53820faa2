import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { inTenantTransaction } from "./tenant-transaction";

export interface CreateBoardInput {
  workspaceId: string;
  name: string;
  description?: string | null;
}

/** Creates a board; its name is unique in the workspace (CONFLICT otherwise). */
export async function createBoard(services: WorkflowServices, actor: Actor, input: CreateBoardInput) {
  await assertWorkspaceReference(services, actor, input.workspaceId);
  return inTenantTransaction(services, actor.tenantId, async (tx) => {
    const board = await tx.kanbanBoard.create({
      data: {
        tenantId: actor.tenantId,
        workspaceId: input.workspaceId,
        name: input.name,
        description: input.description ?? null,
        createdById: actor.userId,
      },
    });
    await audit(tx, actor, "kanbanBoard.create", { type: "KanbanBoard", id: board.id }, { name: input.name });
    return board;
  });
}
