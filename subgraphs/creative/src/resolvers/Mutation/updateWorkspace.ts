import { updateWorkspace } from "../../domain/update-workspace";
import { UpdateWorkspaceInput } from "../../domain/workspace-input";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const updateWorkspaceResolver: MutationResolvers["updateWorkspace"] = async (_, args, ctx) => ({
  workspace: await updateWorkspace(ctx.scope, inputOf(UpdateWorkspaceInput, args)),
});
