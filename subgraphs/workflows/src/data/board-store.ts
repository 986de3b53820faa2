import type { ScopedTx } from "@atelier/db";
import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Db } from "./db";

/** Kanban boards of the tenant. */
export function createBoardStore({ db, tenantId }: ScopedTx<Db>) {
  return {
    find: (id: string) => db.kanbanBoard.findFirst({ where: { id, tenantId } }),
    list: (args: PageArgs & { workspaceId: string }) =>
      prismaKeysetPage(db, { table: `workflows."KanbanBoard"`, direction: "asc", scope: { tenantId } }, args, (page) =>
        db.kanbanBoard.findMany({ where: { tenantId, workspaceId: args.workspaceId }, ...page }),
      ),
  };
}
