import type { ScopeActor } from "@atelier/db";
import DataLoader from "dataloader";
import type { IdentityScope } from "../domain/identity-scope";
import type { PersistedOperation, PersistedOperationApp } from "../generated/prisma/client";

/** Per-request batching for manifest versions' apps and operations, in the request's tenant scope. */
export function createPersistedOperationLoaders(scope: IdentityScope<ScopeActor> | null) {
  return {
    persistedOperationAppById: new DataLoader<string, PersistedOperationApp | null>(async (ids) => {
      const rows = scope
        ? await scope.read((tx) =>
            tx.db.persistedOperationApp.findMany({ where: { id: { in: [...ids] }, tenantId: tx.tenantId } }),
          )
        : [];
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    persistedOperationsByVersionId: new DataLoader<string, PersistedOperation[]>(async (versionIds) => {
      const rows = scope
        ? await scope.read((tx) =>
            tx.db.persistedOperation.findMany({
              where: { versionId: { in: [...versionIds] }, tenantId: tx.tenantId },
              orderBy: [{ versionId: "asc" }, { id: "asc" }],
            }),
          )
        : [];
      return versionIds.map((versionId) => rows.filter((r) => r.versionId === versionId));
    }),
  };
}
