import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createWorkflowStore } from "../data/workflow-store";
import type { Prisma, WorkflowStatus } from "../generated/prisma/client";
import { assertJsonSchema } from "../json-schema/validator";
import type { WorkflowScope } from "../scope";
import { checkSteps, type StepInput } from "./check-steps";

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
export function updateWorkflow(scope: WorkflowScope, input: UpdateWorkflowInput) {
  requireRole(scope.actor, "EDITOR");
  if (input.inputSchema != null) assertJsonSchema(input.inputSchema, "inputSchema");
  if (input.outputSchema != null) assertJsonSchema(input.outputSchema, "outputSchema");
  const steps = input.steps ? checkSteps(input.steps, scope.services.stepEnv) : null;
  return scope.write(async (tx) => {
    const workflows = createWorkflowStore(tx);
    const found = await workflows.find(input.id);
    if (!found) throw new NotFoundError("No such workflow.");
    const data: Prisma.WorkflowUpdateInput = {};
    if (input.name != null) data.name = input.name;
    if (input.description != null) data.description = input.description;
    if (input.status != null) data.status = input.status;
    if (input.inputSchema != null) data.inputSchema = input.inputSchema as Prisma.InputJsonValue;
    if (input.outputSchema != null) data.outputSchema = input.outputSchema as Prisma.InputJsonValue;
    const workflow = await workflows.update(found.id, data);
    if (steps) {
      await workflows.deleteSteps(found.id);
      await workflows.insertSteps(found.id, steps);
    }
    const fields = [...Object.keys(data), ...(steps ? ["steps"] : [])];
    tx.audit({ action: "workflow.update", resourceType: "Workflow", resourceId: found.id, changes: { fields } });
    return workflow;
  });
}
