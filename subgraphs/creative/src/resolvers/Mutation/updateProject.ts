import { UpdateProjectInput } from "../../domain/project-input";
import { updateProject } from "../../domain/update-project";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const updateProjectResolver: MutationResolvers["updateProject"] = async (_, args, ctx) => ({
  project: await updateProject(ctx.scope, inputOf(UpdateProjectInput, args)),
});
