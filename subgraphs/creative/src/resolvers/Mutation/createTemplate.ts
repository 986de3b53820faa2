import { createTemplate } from "../../domain/create-template";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CreateTemplateInput } from "../../inputs/template-input";
import { inputOf } from "../shared";

export const createTemplateResolver: MutationResolvers["createTemplate"] = async (_, args, ctx) => ({
  template: await createTemplate(ctx.scope, inputOf(CreateTemplateInput, args)),
});
