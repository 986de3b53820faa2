import type { BusinessArea, Complexity, Prisma } from "../generated/prisma/client";
import { assertJsonSchema } from "../json-schema/validator";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { checkSteps, type StepInput } from "./step-inputs";
import { inTenantTransaction } from "./tenant-transaction";

export interface CreateTemplateInput {
  name: string;
  description: string;
  businessArea: BusinessArea;
  complexity: Complexity;
  tags?: string[] | null;
  version: string;
  externalFlowId?: string | null;
  estimatedDurationMinutes?: number | null;
  inputSchema?: unknown;
  outputSchema?: unknown;
  steps?: StepInput[] | null;
}

/** Creates a template private to the actor's tenant; its schemas must compile. */
export function createTemplate(services: WorkflowServices, actor: Actor, input: CreateTemplateInput) {
  assertJsonSchema(input.inputSchema, "inputSchema");
  if (input.outputSchema != null) assertJsonSchema(input.outputSchema, "outputSchema");
  const steps = input.steps?.length
    ? checkSteps(input.steps, services.stepEnv).map(({ position: _, ...step }) => step)
    : [];
  return inTenantTransaction(services, actor.tenantId, async (tx) => {
    const template = await tx.workflowTemplate.create({
      data: {
        tenantId: actor.tenantId,
        name: input.name,
        description: input.description,
        businessArea: input.businessArea,
        complexity: input.complexity,
        tags: input.tags ?? [],
        version: input.version,
        externalFlowId: input.externalFlowId ?? null,
        estimatedDurationMinutes: input.estimatedDurationMinutes ?? null,
        inputSchema: input.inputSchema as Prisma.InputJsonValue,
        outputSchema: (input.outputSchema ?? undefined) as Prisma.InputJsonValue | undefined,
        steps: steps as Prisma.InputJsonValue,
      },
    });
    await audit(
      tx,
      actor,
      "workflowTemplate.create",
      { type: "WorkflowTemplate", id: template.id },
      { name: input.name },
    );
    return template;
  });
}
