import type { ScopedTx } from "@atelier/db";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** The triggers of the tenant's kanban stages. */
export function createTriggerStore({ db, tenantId }: ScopedTx<Db>) {
  return {
    /** A stage's active triggers with their workflows, oldest first. */
    activeForStage: (stageId: string) =>
      db.stageTrigger.findMany({
        where: { tenantId, stageId, isActive: true },
        include: { workflow: true },
        orderBy: { createdAt: "asc" },
      }),
    create: (data: Omit<Prisma.StageTriggerUncheckedCreateInput, "tenantId">) =>
      db.stageTrigger.create({ data: { ...data, tenantId } }),
  };
}
