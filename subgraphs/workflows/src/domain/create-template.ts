import { requireRole } from "@atelier/subgraph-kit";
import { createTemplateStore } from "../data/template-store";
import type { BusinessArea, Complexity, Prisma } from "../generated/prisma/client";
import { assertJsonSchema } from "../json-schema/validator";
import type { WorkflowScope } from "../scope";
import { checkSteps, type StepInput } from "./check-steps";

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
export function createTemplate(scope: WorkflowScope, input: CreateTemplateInput) {
  requireRole(scope.actor, "EDITOR");
  assertJsonSchema(input.inputSchema, "inputSchema");
  if (input.outputSchema != null) assertJsonSchema(input.outputSchema, "outputSchema");
  const steps = input.steps?.length
    ? checkSteps(input.steps, scope.services.stepEnv).map(({ position: _, ...step }) => step)
    : [];
  return scope.write(async (tx) => {
    const template = await createTemplateStore(tx).create({
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
    });
    tx.audit({
      action: "workflowTemplate.create",
      resourceType: "WorkflowTemplate",
      resourceId: template.id,
      changes: { name: input.name },
    });
    return template;
  });
}
