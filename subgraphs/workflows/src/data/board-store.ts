import type { ScopedTx } from "@atelier/db";
import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** Kanban boards of the tenant. */
export function createBoardStore({ db, tenantId }: ScopedTx<Db>) {
  return {
    find: (id: string) => db.kanbanBoard.findFirst({ where: { id, tenantId } }),
    create: (data: Omit<Prisma.KanbanBoardUncheckedCreateInput, "tenantId">) =>
      db.kanbanBoard.create({ data: { ...data, tenantId } }),
    list: (args: PageArgs & { workspaceId: string }) =>
      prismaKeysetPage(db, { table: `workflows."KanbanBoard"`, direction: "asc", scope: { tenantId } }, args, (page) =>
        db.kanbanBoard.findMany({ where: { tenantId, workspaceId: args.workspaceId }, ...page }),
      ),
  };
}
