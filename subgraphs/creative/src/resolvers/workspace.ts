import type { Context } from "../context";
import { listWorkspaces } from "../data/lists";
import { createWorkspace } from "../domain/create-workspace";
import { ProjectStatus } from "../domain/project-input";
import { readerOf } from "../domain/scope";
import { updateWorkspace } from "../domain/update-workspace";
import { CreateWorkspaceInput, UpdateWorkspaceInput } from "../domain/workspace-input";
import type { Workspace } from "../generated/prisma/client";
import { type Args, childConnection, IdArgs, inputOf, isUuid, PageArgs, userRef } from "./shared";

const ProjectPageArgs = PageArgs.extend({ status: ProjectStatus.nullish() });

export const workspaceResolvers = {
  Query: {
    workspaces: (_: unknown, args: Args, ctx: Context) =>
      listWorkspaces(ctx.services, readerOf(ctx.identity), PageArgs.parse(args)),
    workspace: (_: unknown, args: Args, ctx: Context) => ctx.loaders.workspaceById.load(IdArgs.parse(args).id),
  },
  Mutation: {
    createWorkspace: async (_: unknown, args: Args, ctx: Context) => ({
      workspace: await createWorkspace(ctx, inputOf(CreateWorkspaceInput, args)),
    }),
    updateWorkspace: async (_: unknown, args: Args, ctx: Context) => ({
      workspace: await updateWorkspace(ctx, inputOf(UpdateWorkspaceInput, args)),
    }),
  },
  Workspace: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.workspaceById.load(ref.id) : null,
    defaultBrandKit: (w: Workspace, _: Args, ctx: Context) =>
      w.defaultBrandKitId ? ctx.loaders.brandKitById.load(w.defaultBrandKitId) : null,
    links: (w: Workspace, _: Args, ctx: Context) => ctx.loaders.linksByWorkspaceId.load(w.id),
    projects: async (w: Workspace, args: Args, ctx: Context) => {
      const { first, after, status } = ProjectPageArgs.parse(args);
      const rows = await ctx.loaders.projectPagesByWorkspace.load({ parentId: w.id, first, after, status });
      return childConnection(rows, first);
    },
    assets: async (w: Workspace, args: Args, ctx: Context) => {
      const { first, after } = PageArgs.parse(args);
      return childConnection(await ctx.loaders.assetPagesByWorkspace.load({ parentId: w.id, first, after }), first);
    },
    createdBy: (w: Workspace) => userRef(w.createdById),
  },
};
