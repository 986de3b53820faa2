import { createRunStore } from "../data/run-store";
import { workspaceAnalytics } from "../domain/workspace-analytics";
import type { WorkspaceResolvers } from "../generated/resolvers-types";
import { readerScope } from "./scopes";
import { id } from "./validation";

/** Fields this subgraph adds to creative's Workspace; figures count only the caller's tenant. */
export const Workspace: WorkspaceResolvers = {
  __resolveReference: (ref) => ({ id: id.parse(ref.id) }),
  workflowAnalytics: (workspace, _, ctx) => workspaceAnalytics(readerScope(ctx), workspace.id),
  workflowRuns: (workspace, args, ctx) =>
    readerScope(ctx).read((tx) => createRunStore(tx).list({ ...args, workspaceId: workspace.id })),
};
