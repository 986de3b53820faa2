import type { WorkspaceResolvers } from "../generated/resolvers-types";
import { ProjectStatus } from "../inputs/project-input";
import { childConnection, isUuid, PageArgs, userRef } from "./shared";

const ProjectPageArgs = PageArgs.extend({ status: ProjectStatus.nullish() });

export const Workspace: WorkspaceResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.workspaceById.load(ref.id) : null),
  defaultBrandKit: (w, _, ctx) => (w.defaultBrandKitId ? ctx.loaders.brandKitById.load(w.defaultBrandKitId) : null),
  links: (w, _, ctx) => ctx.loaders.linksByWorkspaceId.load(w.id),
  projects: async (w, args, ctx) => {
    const { first, after, status } = ProjectPageArgs.parse(args);
    const rows = await ctx.loaders.projectPagesByWorkspace.load({ parentId: w.id, first, after, status });
    return childConnection(rows, first);
  },
  assets: async (w, args, ctx) => {
    const { first, after } = PageArgs.parse(args);
    return childConnection(await ctx.loaders.assetPagesByWorkspace.load({ parentId: w.id, first, after }), first);
  },
  createdBy: (w) => userRef(w.createdById),
};
