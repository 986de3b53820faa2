import { updateWorkspace } from "../../domain/update-workspace";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { UpdateWorkspaceInput } from "../../inputs/workspace-input";
import { inputOf } from "../shared";

export const updateWorkspaceResolver: MutationResolvers["updateWorkspace"] = async (_, args, ctx) => ({
  workspace: await updateWorkspace(ctx.scope, inputOf(UpdateWorkspaceInput, args)),
});
