import { deleteTemplate } from "../../domain/delete-template";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { IdArgs, inputOf } from "../shared";

export const deleteTemplateResolver: MutationResolvers["deleteTemplate"] = async (_, args, ctx) => ({
  deletedTemplateId: await deleteTemplate(ctx.scope, inputOf(IdArgs, args)),
});
