import type { StepInput } from "../domain/check-steps";
import type { WorkflowTemplateResolvers } from "../generated/resolvers-types";

export const WorkflowTemplate: WorkflowTemplateResolvers = {
  isSystem: (template) => template.tenantId === null,
  steps: (template) =>
    ((template.steps ?? []) as unknown as StepInput[]).map((s) => ({
      key: s.key,
      name: s.name ?? s.key,
      type: s.type,
      config: s.config,
    })),
};
