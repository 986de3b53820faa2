import { writerOf } from "../../domain/actor";
import { createWorkflow } from "../../domain/create-workflow";
import { updateWorkflow } from "../../domain/update-workflow";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { createWorkflowInput, updateWorkflowInput } from "../input-schemas";

export const workflowMutations: Pick<MutationResolvers, "createWorkflow" | "updateWorkflow"> = {
  createWorkflow: async (_, { input }, ctx) => ({
    workflow: await createWorkflow(ctx.services, writerOf(ctx), createWorkflowInput.parse(input)),
  }),
  updateWorkflow: async (_, { input }, ctx) => ({
    workflow: await updateWorkflow(ctx.services, writerOf(ctx), updateWorkflowInput.parse(input)),
  }),
};
