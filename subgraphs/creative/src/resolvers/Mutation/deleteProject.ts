import { deleteProject } from "../../domain/delete-project";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { IdArgs, inputOf } from "../shared";

export const deleteProjectResolver: MutationResolvers["deleteProject"] = async (_, args, ctx) => ({
  deletedProjectId: await deleteProject(ctx.scope, inputOf(IdArgs, args)),
});
