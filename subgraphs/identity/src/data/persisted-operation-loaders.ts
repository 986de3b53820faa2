import DataLoader from "dataloader";
import type { PersistedOperation, PersistedOperationApp, PrismaClient } from "../generated/prisma/client";

/** Per-request batching for manifest versions' apps and operations. */
export function createPersistedOperationLoaders(db: PrismaClient) {
  return {
    persistedOperationAppById: new DataLoader<string, PersistedOperationApp | null>(async (ids) => {
      const rows = await db.persistedOperationApp.findMany({ where: { id: { in: [...ids] } } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    persistedOperationsByVersionId: new DataLoader<string, PersistedOperation[]>(async (versionIds) => {
      const rows = await db.persistedOperation.findMany({
        where: { versionId: { in: [...versionIds] } },
        orderBy: [{ versionId: "asc" }, { id: "asc" }],
      });
      return versionIds.map((versionId) => rows.filter((r) => r.versionId === versionId));
    }),
  };
}
