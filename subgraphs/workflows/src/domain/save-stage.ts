import { isUniqueViolation } from "@atelier/db";
import { ConflictError, NotFoundError } from "@atelier/subgraph-kit";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { inTenantTransaction } from "./tenant-transaction";

export interface CreateStageInput {
  boardId: string;
  name: string;
  color: string;
  position?: number | null;
}

export interface UpdateStageInput {
  id: string;
  name?: string | null;
  color?: string | null;
  position?: number | null;
}

const DUPLICATE = "Another stage of this board has that name or position.";

/** Adds a stage, by default after the last one. */
export function createStage(services: WorkflowServices, actor: Actor, input: CreateStageInput) {
  return inTenantTransaction(services, actor.tenantId, async (tx) => {
    const board = await tx.kanbanBoard.findFirst({ where: { id: input.boardId, tenantId: actor.tenantId } });
    if (!board) throw new NotFoundError("No such board.");
    const last = await tx.kanbanStage.findFirst({ where: { boardId: board.id }, orderBy: { position: "desc" } });
    const position = input.position ?? (last ? last.position + 1 : 0);
    const clash = await tx.kanbanStage.findFirst({
      where: { boardId: board.id, OR: [{ name: input.name }, { position }] },
    });
    if (clash) throw new ConflictError(DUPLICATE);
    const stage = await tx.kanbanStage.create({
      data: { tenantId: actor.tenantId, boardId: board.id, name: input.name, color: input.color, position },
    });
    await audit(tx, actor, "kanbanStage.create", { type: "KanbanStage", id: stage.id }, { name: input.name, position });
    return stage;
  });
}

/** Renames, recolours or moves a stage; name and position stay unique in the board. */
export async function updateStage(services: WorkflowServices, actor: Actor, input: UpdateStageInput) {
  try {
    return await inTenantTransaction(services, actor.tenantId, async (tx) => {
      const stage = await tx.kanbanStage.findFirst({ where: { id: input.id, tenantId: actor.tenantId } });
      if (!stage) throw new NotFoundError("No such stage.");
      const data = {
        ...(input.name != null ? { name: input.name } : {}),
        ...(input.color != null ? { color: input.color } : {}),
        ...(input.position != null ? { position: input.position } : {}),
      };
      const updated = await tx.kanbanStage.update({ where: { id: stage.id }, data });
      await audit(tx, actor, "kanbanStage.update", { type: "KanbanStage", id: stage.id }, data);
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DUPLICATE);
    throw error;
  }
}
