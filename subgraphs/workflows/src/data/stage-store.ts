import type { ScopedTx } from "@atelier/db";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** The stages of the tenant's kanban boards. */
export function createStageStore({ db, tenantId }: ScopedTx<Db>) {
  return {
    find: (id: string) => db.kanbanStage.findFirst({ where: { id, tenantId } }),
    /** The stage with its board (whose workspace its cards' fields and triggers belong to). */
    findWithBoard: (id: string) => db.kanbanStage.findFirst({ where: { id, tenantId }, include: { board: true } }),
    last: (boardId: string) =>
      db.kanbanStage.findFirst({ where: { boardId, tenantId }, orderBy: { position: "desc" } }),
    /** A stage of the board already holding this name or position. */
    clash: (boardId: string, name: string, position: number) =>
      db.kanbanStage.findFirst({ where: { boardId, tenantId, OR: [{ name }, { position }] } }),
    create: (data: Omit<Prisma.KanbanStageUncheckedCreateInput, "tenantId">) =>
      db.kanbanStage.create({ data: { ...data, tenantId } }),
    update: (id: string, data: Prisma.KanbanStageUpdateInput) => db.kanbanStage.update({ where: { id }, data }),
  };
}
