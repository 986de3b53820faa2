import { BadUserInputError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import type { Prisma, TriggerEvent, TriggerOperator } from "../generated/prisma/client";
import type { WorkflowScope } from "../scope";

export interface CreateStageTriggerInput {
  stageId: string;
  workflowId: string;
  event: TriggerEvent;
  fieldName?: string | null;
  operator?: TriggerOperator | null;
  value?: unknown;
}

/** Adds a trigger starting a workflow of the board's workspace. */
export function createStageTrigger(scope: WorkflowScope, input: CreateStageTriggerInput) {
  requireRole(scope.actor, "EDITOR");
  if (input.event === "ATTRIBUTE_CHANGE" && !input.fieldName) {
    throw new BadUserInputError("fieldName: required for ATTRIBUTE_CHANGE triggers");
  }
  if (input.operator && !input.fieldName) throw new BadUserInputError("fieldName: required with an operator");
  return scope.write(async (tx) => {
    const { db, tenantId } = tx;
    const stage = await db.kanbanStage.findFirst({
      where: { id: input.stageId, tenantId },
      include: { board: true },
    });
    if (!stage) throw new NotFoundError("No such stage.");
    const workflow = await db.workflow.findFirst({ where: { id: input.workflowId, tenantId } });
    if (!workflow) throw new NotFoundError("No such workflow.");
    if (workflow.workspaceId !== stage.board.workspaceId) {
      throw new BadUserInputError("workflowId: the workflow belongs to another workspace than the board");
    }
    const trigger = await db.stageTrigger.create({
      data: {
        tenantId,
        stageId: stage.id,
        workflowId: workflow.id,
        event: input.event,
        fieldName: input.fieldName ?? null,
        operator: input.operator ?? null,
        value: input.value === undefined || input.value === null ? undefined : (input.value as Prisma.InputJsonValue),
      },
    });
    tx.audit({
      action: "stageTrigger.create",
      resourceType: "StageTrigger",
      resourceId: trigger.id,
      changes: { event: input.event },
    });
    return trigger;
  });
}
