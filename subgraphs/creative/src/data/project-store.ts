import type { ScopedTx } from "@atelier/db";
import { NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Prisma, ProjectStatus } from "../generated/prisma/client";
import type { Db } from "./db";

/** The tenant's live (not deleted) projects. */
export function createProjectStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  const find = async (id: string) => {
    const project = await db.project.findFirst({ where: { id, tenantId, deletedAt: null } });
    if (!project) throw new NotFoundError(`Project ${id} not found.`);
    return project;
  };
  return {
    create(data: Omit<Prisma.ProjectUncheckedCreateInput, "tenantId">) {
      return db.project.create({ data: { ...data, tenantId } });
    },

    find,

    /** A project that must belong to `workspaceId`. */
    async findInWorkspace(projectId: string, workspaceId: string) {
      const project = await find(projectId);
      if (project.workspaceId !== workspaceId) {
        throw new NotFoundError(`Project ${projectId} is not in workspace ${workspaceId}.`);
      }
      return project;
    },

    /** Projects in the given statuses, earliest request first (the seeds' queue-index). */
    listQueue(args: PageArgs & { statuses: string[] }) {
      return prismaKeysetPage(
        db,
        { table: `creative."projects"`, column: "requestedAt", direction: "asc", scope: { tenantId } },
        args,
        (page) =>
          db.project.findMany({
            where: { tenantId, deletedAt: null, status: { in: args.statuses as ProjectStatus[] } },
            ...page,
          }),
      );
    },
  };
}
