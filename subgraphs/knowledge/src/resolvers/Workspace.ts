import { listWorkspaceDocuments } from "../domain/list-workspace-documents";
import type { WorkspaceResolvers } from "../generated/resolvers-types";

export const Workspace: WorkspaceResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  documents: async (workspace, args, ctx) => {
    const connection = await listWorkspaceDocuments(ctx.scope(), { workspaceId: workspace.id, ...args });
    for (const { node } of connection.edges) ctx.loaders.documentById.prime(node.id, node);
    return connection;
  },
};
