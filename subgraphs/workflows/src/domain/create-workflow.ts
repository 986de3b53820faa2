import { BadUserInputError, ConflictError, NotFoundError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";
import type { Prisma } from "../generated/prisma/client";
import { assertJsonSchema } from "../json-schema/validator";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { type CheckedStep, checkSteps, type StepInput } from "./step-inputs";
import { inTenantTransaction } from "./tenant-transaction";

export interface CreateWorkflowInput {
  workspaceId: string;
  name: string;
  description?: string | null;
  templateId?: string | null;
  inputSchema?: unknown;
  outputSchema?: unknown;
  steps?: StepInput[] | null;
}

export function insertSteps(tx: Db, tenantId: string, workflowId: string, steps: CheckedStep[]) {
  return tx.workflowStep.createMany({
    data: steps.map((s) => ({ ...s, tenantId, workflowId, config: s.config as Prisma.InputJsonValue })),
  });
}

/** Creates a workflow, from a visible active template or from its own schemas and steps. */
export async function createWorkflow(services: WorkflowServices, actor: Actor, input: CreateWorkflowInput) {
  await assertWorkspaceReference(services, actor, input.workspaceId);
  return inTenantTransaction(services, actor.tenantId, async (tx) => {
    const template = input.templateId
      ? await tx.workflowTemplate.findFirst({
          where: { id: input.templateId, OR: [{ tenantId: null }, { tenantId: actor.tenantId }] },
        })
      : null;
    if (input.templateId && !template) throw new NotFoundError("No such template.");
    if (template && !template.isActive) throw new ConflictError("This template is retired; pick an active one.");
    const inputSchema = input.inputSchema ?? template?.inputSchema;
    if (inputSchema == null) throw new BadUserInputError("inputSchema: required without a template");
    assertJsonSchema(inputSchema, "inputSchema");
    const outputSchema = input.outputSchema ?? template?.outputSchema ?? null;
    if (outputSchema != null) assertJsonSchema(outputSchema, "outputSchema");
    const steps = checkSteps(
      (input.steps ?? (template?.steps as StepInput[] | undefined) ?? []) as StepInput[],
      services.stepEnv,
    );
    const workflow = await tx.workflow.create({
      data: {
        tenantId: actor.tenantId,
        workspaceId: input.workspaceId,
        templateId: template?.id ?? null,
        name: input.name,
        description: input.description ?? null,
        inputSchema: inputSchema as Prisma.InputJsonValue,
        outputSchema: (outputSchema ?? undefined) as Prisma.InputJsonValue | undefined,
        createdById: actor.userId,
      },
    });
    await insertSteps(tx, actor.tenantId, workflow.id, steps);
    await audit(
      tx,
      actor,
      "workflow.create",
      { type: "Workflow", id: workflow.id },
      { name: input.name, steps: steps.length },
    );
    return workflow;
  });
}
