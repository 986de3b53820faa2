import { crossTenant } from "@atelier/db";
import { systemActor } from "@atelier/subgraph-kit";
import type { IdentityServices } from "../context";
import { createPersistedOperationStore, type UsageRow as StoredUsageRow } from "../data/persisted-operation-store";
import { identityScope } from "./identity-scope";

/** A usage row as the gateway reports it: the store's row and the tenant it claims. */
export type UsageRow = StoredUsageRow & { tenantId: string };

/** Adds the gateway's per-minute counts; rows of a client outside the stated tenant are dropped. */
export async function recordOperationUsage(services: IdentityServices, rows: UsageRow[]): Promise<number> {
  const clients = await crossTenant("identity-resolution", () =>
    services.db.apiClient.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.apiClientId))] } },
      select: { id: true, tenantId: true },
    }),
  );
  const tenantOf = new Map(clients.map((c) => [c.id, c.tenantId]));
  const valid = rows.filter((row) => tenantOf.get(row.apiClientId) === row.tenantId);
  // Each tenant's rows are added in that tenant's scope.
  for (const tenantId of new Set(valid.map((row) => row.tenantId))) {
    await identityScope(services, systemActor(tenantId, "gateway")).write(async (tx) => {
      const store = createPersistedOperationStore(tx);
      for (const row of valid.filter((r) => r.tenantId === tenantId)) await store.addUsage(row);
    });
  }
  return valid.length;
}
