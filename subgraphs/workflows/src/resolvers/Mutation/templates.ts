import { writerOf } from "../../domain/actor";
import { createTemplate } from "../../domain/create-template";
import { updateTemplate } from "../../domain/update-template";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { createTemplateInput, updateTemplateInput } from "../input-schemas";

export const templateMutations: Pick<MutationResolvers, "createWorkflowTemplate" | "updateWorkflowTemplate"> = {
  createWorkflowTemplate: async (_, { input }, ctx) => ({
    template: await createTemplate(ctx.services, writerOf(ctx), createTemplateInput.parse(input)),
  }),
  updateWorkflowTemplate: async (_, { input }, ctx) => ({
    template: await updateTemplate(ctx.services, writerOf(ctx), updateTemplateInput.parse(input)),
  }),
};
