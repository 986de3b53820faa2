import { createProject } from "../../domain/create-project";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CreateProjectInput } from "../../inputs/project-input";
import { inputOf } from "../shared";

export const createProjectResolver: MutationResolvers["createProject"] = async (_, args, ctx) => ({
  project: await createProject(ctx.scope, inputOf(CreateProjectInput, args)),
});
