import { createWorkspace } from "../../domain/create-workspace";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CreateWorkspaceInput } from "../../inputs/workspace-input";
import { inputOf } from "../shared";

export const createWorkspaceResolver: MutationResolvers["createWorkspace"] = async (_, args, ctx) => ({
  workspace: await createWorkspace(ctx.scope, inputOf(CreateWorkspaceInput, args)),
});
