import type { ScopedTx } from "@atelier/db";
import { NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Prisma, WorkspaceLinkKind } from "../generated/prisma/client";
import type { Db } from "./db";

/** The tenant's workspaces. */
export function createWorkspaceStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    create(data: Omit<Prisma.WorkspaceUncheckedCreateInput, "tenantId">) {
      return db.workspace.create({ data: { ...data, tenantId } });
    },

    /** Adds links to a workspace, in the given order. */
    addLinks(
      workspaceId: string,
      links: { kind: WorkspaceLinkKind; url?: string | null; label?: string | null; required?: boolean | null }[],
    ) {
      return db.workspaceLink.createMany({
        data: links.map((link, position) => ({
          tenantId,
          workspaceId,
          kind: link.kind,
          url: link.url ?? null,
          label: link.label ?? null,
          required: link.required ?? false,
          position,
        })),
      });
    },

    removeLinks(workspaceId: string) {
      return db.workspaceLink.deleteMany({ where: { tenantId, workspaceId } });
    },

    /** Workspaces whose default brand kit is `brandKitId` lose it (the kit is going away). */
    forgetDefaultBrandKit(brandKitId: string) {
      return db.workspace.updateMany({
        where: { tenantId, defaultBrandKitId: brandKitId },
        data: { defaultBrandKitId: null },
      });
    },

    /** The workspace, or NOT_FOUND (another tenant's looks the same as none). */
    async find(id: string) {
      const workspace = await db.workspace.findFirst({ where: { id, tenantId } });
      if (!workspace) throw new NotFoundError(`Workspace ${id} not found.`);
      return workspace;
    },

    /** Required links of the workspace that have no URL yet, in their order. */
    missingRequiredLinks(workspaceId: string) {
      return db.workspaceLink.findMany({
        where: { tenantId, workspaceId, required: true, OR: [{ url: null }, { url: "" }] },
        orderBy: { position: "asc" },
      });
    },

    list(args: PageArgs) {
      return prismaKeysetPage(
        db,
        { table: `creative."workspaces"`, direction: "asc", scope: { tenantId } },
        args,
        (page) => db.workspace.findMany({ where: { tenantId }, ...page }),
      );
    },
  };
}
