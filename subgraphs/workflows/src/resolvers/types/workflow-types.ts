import { NotFoundError } from "@atelier/subgraph-kit";
import type { StepInput } from "../../domain/step-inputs";
import type { WorkflowResolvers, WorkflowTemplateResolvers } from "../../generated/resolvers-types";

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

export const Workflow: WorkflowResolvers = {
  template: (workflow, _, ctx) => (workflow.templateId ? ctx.loaders.template.load(workflow.templateId) : null),
  steps: async (workflow, _, ctx) => ctx.loaders.stepsByWorkflow.load(workflow.id),
  createdBy: (workflow) => (workflow.createdById ? { __typename: "User", id: workflow.createdById } : null),
};

/** Loads a row that must exist (it was read in the same request); a vanished row is NOT_FOUND. */
export async function mustLoad<T>(load: Promise<T | null>, what: string): Promise<T> {
  const row = await load;
  if (!row) throw new NotFoundError(`${what} no longer exists.`);
  return row;
}
