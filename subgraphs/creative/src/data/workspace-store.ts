import type { ScopedTx } from "@atelier/db";
import { NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Db } from "./db";

/** The tenant's workspaces. */
export function createWorkspaceStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
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
