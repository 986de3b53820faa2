import { listWorkspaceDocuments } from "../domain/list-documents";
import type { WorkspaceResolvers } from "../generated/resolvers-types";

export const Workspace: WorkspaceResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  documents: (workspace, args, ctx) => listWorkspaceDocuments(ctx, { workspaceId: workspace.id, ...args }),
};
