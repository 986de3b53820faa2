import { updateProject } from "../../domain/update-project";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { UpdateProjectInput } from "../../inputs/project-input";
import { inputOf } from "../shared";

export const updateProjectResolver: MutationResolvers["updateProject"] = async (_, args, ctx) => ({
  project: await updateProject(ctx.scope, inputOf(UpdateProjectInput, args)),
});
