import type { ScopedTx } from "@atelier/db";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** The custom card fields each workspace defines. */
export function createFieldDefinitionStore({ db, tenantId }: ScopedTx<Db>) {
  return {
    forWorkspace: (workspaceId: string) => db.cardFieldDefinition.findMany({ where: { tenantId, workspaceId } }),
    /** As the workspace shows them: by display order. */
    list: (workspaceId: string) =>
      db.cardFieldDefinition.findMany({ where: { tenantId, workspaceId }, orderBy: { displayOrder: "asc" } }),
    create: (data: Omit<Prisma.CardFieldDefinitionUncheckedCreateInput, "tenantId">) =>
      db.cardFieldDefinition.create({ data: { ...data, tenantId } }),
  };
}
