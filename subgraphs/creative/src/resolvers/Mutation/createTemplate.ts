import { createTemplate } from "../../domain/create-template";
import { CreateTemplateInput } from "../../domain/template-input";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const createTemplateResolver: MutationResolvers["createTemplate"] = async (_, args, ctx) => ({
  template: await createTemplate(ctx.scope, inputOf(CreateTemplateInput, args)),
});
