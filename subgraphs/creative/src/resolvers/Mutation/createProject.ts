import { createProject } from "../../domain/create-project";
import { CreateProjectInput } from "../../domain/project-input";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const createProjectResolver: MutationResolvers["createProject"] = async (_, args, ctx) => ({
  project: await createProject(ctx.scope, inputOf(CreateProjectInput, args)),
});
