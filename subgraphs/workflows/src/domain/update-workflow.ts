import { NotFoundError } from "@atelier/subgraph-kit";
import type { Prisma, WorkflowStatus } from "../generated/prisma/client";
import { assertJsonSchema } from "../json-schema/validator";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { insertSteps } from "./create-workflow";
import { checkSteps, type StepInput } from "./step-inputs";
import { inTenantTransaction } from "./tenant-transaction";

export interface UpdateWorkflowInput {
  id: string;
  name?: string | null;
  description?: string | null;
  status?: WorkflowStatus | null;
  inputSchema?: unknown;
  outputSchema?: unknown;
  steps?: StepInput[] | null;
}

/**
 * Changes a workflow. New steps replace the old ones; runs in flight keep executing by
 * position against the new definition, so change steps of a busy workflow with care.
 */
export function updateWorkflow(services: WorkflowServices, actor: Actor, input: UpdateWorkflowInput) {
  if (input.inputSchema != null) assertJsonSchema(input.inputSchema, "inputSchema");
  if (input.outputSchema != null) assertJsonSchema(input.outputSchema, "outputSchema");
  const steps = input.steps ? checkSteps(input.steps, services.stepEnv) : null;
  return inTenantTransaction(services, actor.tenantId, async (tx) => {
    const found = await tx.workflow.findFirst({ where: { id: input.id, tenantId: actor.tenantId } });
    if (!found) throw new NotFoundError("No such workflow.");
    const data: Prisma.WorkflowUpdateInput = {};
    if (input.name != null) data.name = input.name;
    if (input.description != null) data.description = input.description;
    if (input.status != null) data.status = input.status;
    if (input.inputSchema != null) data.inputSchema = input.inputSchema as Prisma.InputJsonValue;
    if (input.outputSchema != null) data.outputSchema = input.outputSchema as Prisma.InputJsonValue;
    const workflow = await tx.workflow.update({ where: { id: found.id }, data });
    if (steps) {
      await tx.workflowStep.deleteMany({ where: { workflowId: found.id } });
      await insertSteps(tx, actor.tenantId, found.id, steps);
    }
    const fields = [...Object.keys(data), ...(steps ? ["steps"] : [])];
    await audit(tx, actor, "workflow.update", { type: "Workflow", id: found.id }, { fields });
    return workflow;
  });
}
