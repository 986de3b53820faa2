import { isUniqueViolation } from "@atelier/db";
import { ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import type { WorkflowScope } from "../scope";
import { DUPLICATE_STAGE } from "./create-stage";

export interface UpdateStageInput {
  id: string;
  name?: string | null;
  color?: string | null;
  position?: number | null;
}

/** Renames, recolours or moves a stage; name and position stay unique in the board. */
export async function updateStage(scope: WorkflowScope, input: UpdateStageInput) {
  requireRole(scope.actor, "EDITOR");
  try {
    return await scope.write(async (tx) => {
      const stage = await tx.db.kanbanStage.findFirst({ where: { id: input.id, tenantId: tx.tenantId } });
      if (!stage) throw new NotFoundError("No such stage.");
      const data = {
        ...(input.name != null ? { name: input.name } : {}),
        ...(input.color != null ? { color: input.color } : {}),
        ...(input.position != null ? { position: input.position } : {}),
      };
      const updated = await tx.db.kanbanStage.update({ where: { id: stage.id }, data });
      tx.audit({ action: "kanbanStage.update", resourceType: "KanbanStage", resourceId: stage.id, changes: data });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DUPLICATE_STAGE);
    throw error;
  }
}
