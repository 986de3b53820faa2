import type { Context } from "../context";
import { listProductionQueue } from "../data/lists";
import { createProject } from "../domain/create-project";
import { deleteProject } from "../domain/delete-project";
import { CreateProjectInput, ProjectStatus, UpdateProjectInput } from "../domain/project-input";
import { readerOf } from "../domain/scope";
import { updateProject } from "../domain/update-project";
import type { Project } from "../generated/prisma/client";
import { type Args, childConnection, IdArgs, inputOf, isUuid, PageArgs, userRef } from "./shared";

const QueueArgs = PageArgs.extend({ statuses: ProjectStatus.array().max(6).nullish() });

export const projectResolvers = {
  Query: {
    project: (_: unknown, args: Args, ctx: Context) => ctx.loaders.projectById.load(IdArgs.parse(args).id),
    productionQueue: (_: unknown, args: Args, ctx: Context) => {
      const parsed = QueueArgs.parse(args);
      const statuses = parsed.statuses?.length ? parsed.statuses : ["REQUESTED", "IN_PRODUCTION"];
      return listProductionQueue(ctx.services, readerOf(ctx.identity), { ...parsed, statuses });
    },
  },
  Mutation: {
    createProject: async (_: unknown, args: Args, ctx: Context) => ({
      project: await createProject(ctx, inputOf(CreateProjectInput, args)),
    }),
    updateProject: async (_: unknown, args: Args, ctx: Context) => ({
      project: await updateProject(ctx, inputOf(UpdateProjectInput, args)),
    }),
    deleteProject: async (_: unknown, args: Args, ctx: Context) => ({
      deletedProjectId: await deleteProject(ctx, inputOf(IdArgs, args)),
    }),
  },
  Project: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.projectById.load(ref.id) : null,
    workspace: (p: Project, _: Args, ctx: Context) => ctx.loaders.workspaceById.load(p.workspaceId),
    template: (p: Project, _: Args, ctx: Context) =>
      p.templateId ? ctx.loaders.templateById.load(p.templateId) : null,
    brandKit: (p: Project, _: Args, ctx: Context) =>
      p.brandKitId ? ctx.loaders.brandKitById.load(p.brandKitId) : null,
    requestedBy: (p: Project) => userRef(p.requestedById),
    createdBy: (p: Project) => userRef(p.createdById),
    assets: async (p: Project, args: Args, ctx: Context) => {
      const { first, after } = PageArgs.parse(args);
      return childConnection(await ctx.loaders.assetPagesByProject.load({ parentId: p.id, first, after }), first);
    },
  },
};
