import { createWorkspace } from "../../domain/create-workspace";
import { CreateWorkspaceInput } from "../../domain/workspace-input";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const createWorkspaceResolver: MutationResolvers["createWorkspace"] = async (_, args, ctx) => ({
  workspace: await createWorkspace(ctx.scope, inputOf(CreateWorkspaceInput, args)),
});
