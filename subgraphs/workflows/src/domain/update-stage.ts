import { isUniqueViolation } from "@atelier/db";
import { ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createStageStore } from "../data/stage-store";
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
      const stages = createStageStore(tx);
      const stage = await stages.find(input.id);
      if (!stage) throw new NotFoundError("No such stage.");
      const data = {
        ...(input.name != null ? { name: input.name } : {}),
        ...(input.color != null ? { color: input.color } : {}),
        ...(input.position != null ? { position: input.position } : {}),
      };
      const updated = await stages.update(stage.id, data);
      tx.audit({ action: "kanbanStage.update", resourceType: "KanbanStage", resourceId: stage.id, changes: data });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DUPLICATE_STAGE);
    throw error;
  }
}
