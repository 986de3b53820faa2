import type { ProjectResolvers } from "../generated/resolvers-types";
import { childConnection, isUuid, PageArgs, referenced, userRef } from "./shared";

export const Project: ProjectResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.projectById.load(ref.id) : null),
  workspace: (p, _, ctx) => referenced(ctx.loaders.workspaceById.load(p.workspaceId)),
  template: (p, _, ctx) => (p.templateId ? ctx.loaders.templateById.load(p.templateId) : null),
  brandKit: (p, _, ctx) => (p.brandKitId ? ctx.loaders.brandKitById.load(p.brandKitId) : null),
  requestedBy: (p) => userRef(p.requestedById),
  createdBy: (p) => userRef(p.createdById),
  assets: async (p, args, ctx) => {
    const { first, after } = PageArgs.parse(args);
    return childConnection(await ctx.loaders.assetPagesByProject.load({ parentId: p.id, first, after }), first);
  },
};
