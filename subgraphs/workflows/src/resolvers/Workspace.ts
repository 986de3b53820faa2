import { listRuns } from "../data/lists";
import { readerOf } from "../domain/actor";
import { workspaceAnalytics } from "../domain/workspace-analytics";
import type { WorkspaceResolvers } from "../generated/resolvers-types";
import { id } from "./validation";

/** Fields this subgraph adds to creative's Workspace; figures count only the caller's tenant. */
export const Workspace: WorkspaceResolvers = {
  __resolveReference: (ref) => ({ id: id.parse(ref.id) }),
  workflowAnalytics: (workspace, _, ctx) => workspaceAnalytics(ctx.services.db, readerOf(ctx).tenantId, workspace.id),
  workflowRuns: (workspace, args, ctx) =>
    listRuns(ctx.services.db, readerOf(ctx).tenantId, { ...args, workspaceId: workspace.id }),
};
