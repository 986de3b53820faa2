import { BadUserInputError, ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createWorkflowStore } from "../data/workflow-store";
import type { Prisma } from "../generated/prisma/client";
import { assertJsonSchema } from "../json-schema/validator";
import type { WorkflowScope } from "../scope";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { checkSteps, type StepInput } from "./check-steps";

export interface CreateWorkflowInput {
  workspaceId: string;
  name: string;
  description?: string | null;
  templateId?: string | null;
  inputSchema?: unknown;
  outputSchema?: unknown;
  steps?: StepInput[] | null;
}

/** Creates a workflow, from a visible active template or from its own schemas and steps. */
export async function createWorkflow(scope: WorkflowScope, input: CreateWorkflowInput) {
  requireRole(scope.actor, "EDITOR");
  await assertWorkspaceReference(scope, input.workspaceId);
  return scope.write(async (tx) => {
    const workflows = createWorkflowStore(tx);
    const template = input.templateId ? await workflows.findVisibleTemplate(input.templateId) : null;
    if (input.templateId && !template) throw new NotFoundError("No such template.");
    if (template && !template.isActive) throw new ConflictError("This template is retired; pick an active one.");
    const inputSchema = input.inputSchema ?? template?.inputSchema;
    if (inputSchema == null) throw new BadUserInputError("inputSchema: required without a template");
    assertJsonSchema(inputSchema, "inputSchema");
    const outputSchema = input.outputSchema ?? template?.outputSchema ?? null;
    if (outputSchema != null) assertJsonSchema(outputSchema, "outputSchema");
    const steps = checkSteps(
      (input.steps ?? (template?.steps as StepInput[] | undefined) ?? []) as StepInput[],
      scope.services.stepEnv,
    );
    const workflow = await workflows.create({
      workspaceId: input.workspaceId,
      templateId: template?.id ?? null,
      name: input.name,
      description: input.description ?? null,
      inputSchema: inputSchema as Prisma.InputJsonValue,
      outputSchema: (outputSchema ?? undefined) as Prisma.InputJsonValue | undefined,
      createdById: scope.actor.userId,
    });
    await workflows.insertSteps(workflow.id, steps);
    tx.audit({
      action: "workflow.create",
      resourceType: "Workflow",
      resourceId: workflow.id,
      changes: { name: input.name, steps: steps.length },
    });
    return workflow;
  });
}
