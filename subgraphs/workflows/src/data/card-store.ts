import type { ScopedTx } from "@atelier/db";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** The cards of the tenant's kanban boards. */
export function createCardStore({ db, tenantId }: ScopedTx<Db>) {
  return {
    find: (id: string) => db.kanbanCard.findFirst({ where: { id, tenantId } }),
    findWithBoard: (id: string) => db.kanbanCard.findFirst({ where: { id, tenantId }, include: { board: true } }),
    /** The last card of a stage (by position), leaving out `except`. */
    last: (stageId: string, except?: string) =>
      db.kanbanCard.findFirst({
        where: { stageId, tenantId, ...(except ? { NOT: { id: except } } : {}) },
        orderBy: { position: "desc" },
      }),
    create: (data: Omit<Prisma.KanbanCardUncheckedCreateInput, "tenantId">) =>
      db.kanbanCard.create({ data: { ...data, tenantId } }),
    update: (id: string, data: Prisma.KanbanCardUncheckedUpdateInput) => db.kanbanCard.update({ where: { id }, data }),
  };
}
