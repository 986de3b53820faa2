import { BadUserInputError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createStageStore } from "../data/stage-store";
import { createTriggerStore } from "../data/trigger-store";
import { createWorkflowStore } from "../data/workflow-store";
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
    const stage = await createStageStore(tx).findWithBoard(input.stageId);
    if (!stage) throw new NotFoundError("No such stage.");
    const workflow = await createWorkflowStore(tx).find(input.workflowId);
    if (!workflow) throw new NotFoundError("No such workflow.");
    if (workflow.workspaceId !== stage.board.workspaceId) {
      throw new BadUserInputError("workflowId: the workflow belongs to another workspace than the board");
    }
    const trigger = await createTriggerStore(tx).create({
      stageId: stage.id,
      workflowId: workflow.id,
      event: input.event,
      fieldName: input.fieldName ?? null,
      operator: input.operator ?? null,
      value: input.value === undefined || input.value === null ? undefined : (input.value as Prisma.InputJsonValue),
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
