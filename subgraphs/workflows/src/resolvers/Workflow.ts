import type { WorkflowResolvers } from "../generated/resolvers-types";

export const Workflow: WorkflowResolvers = {
  template: (workflow, _, ctx) => (workflow.templateId ? ctx.loaders.template.load(workflow.templateId) : null),
  steps: async (workflow, _, ctx) => ctx.loaders.stepsByWorkflow.load(workflow.id),
  createdBy: (workflow) => (workflow.createdById ? { __typename: "User", id: workflow.createdById } : null),
};
