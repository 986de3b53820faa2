import { BadUserInputError, NotFoundError } from "@atelier/subgraph-kit";
import type { Prisma, TriggerEvent, TriggerOperator } from "../generated/prisma/client";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { inTenantTransaction } from "./tenant-transaction";

export interface CreateStageTriggerInput {
  stageId: string;
  workflowId: string;
  event: TriggerEvent;
  fieldName?: string | null;
  operator?: TriggerOperator | null;
  value?: unknown;
}

/** Adds a trigger starting a workflow of the board's workspace. */
export function createStageTrigger(services: WorkflowServices, actor: Actor, input: CreateStageTriggerInput) {
  if (input.event === "ATTRIBUTE_CHANGE" && !input.fieldName) {
    throw new BadUserInputError("fieldName: required for ATTRIBUTE_CHANGE triggers");
  }
  if (input.operator && !input.fieldName) throw new BadUserInputError("fieldName: required with an operator");
  return inTenantTransaction(services, actor.tenantId, async (tx) => {
    const stage = await tx.kanbanStage.findFirst({
      where: { id: input.stageId, tenantId: actor.tenantId },
      include: { board: true },
    });
    if (!stage) throw new NotFoundError("No such stage.");
    const workflow = await tx.workflow.findFirst({ where: { id: input.workflowId, tenantId: actor.tenantId } });
    if (!workflow) throw new NotFoundError("No such workflow.");
    if (workflow.workspaceId !== stage.board.workspaceId) {
      throw new BadUserInputError("workflowId: the workflow belongs to another workspace than the board");
    }
    const trigger = await tx.stageTrigger.create({
      data: {
        tenantId: actor.tenantId,
        stageId: stage.id,
        workflowId: workflow.id,
        event: input.event,
        fieldName: input.fieldName ?? null,
        operator: input.operator ?? null,
        value: input.value === undefined || input.value === null ? undefined : (input.value as Prisma.InputJsonValue),
      },
    });
    await audit(tx, actor, "stageTrigger.create", { type: "StageTrigger", id: trigger.id }, { event: input.event });
    return trigger;
  });
}
