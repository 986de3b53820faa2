import { crossTenant } from "@atelier/db";
import { systemActor } from "@atelier/subgraph-kit";
import type { IdentityServices } from "../context";
import type { Db } from "../data/db";
import { identityScope } from "./identity-scope";

export interface UsageRow {
  tenantId: string;
  apiClientId: string;
  operationId: string | null;
  operationName: string | null;
  windowStart: Date;
  calls: number;
  errors: number;
  totalLatencyMs: number;
  maxLatencyMs: number;
}

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
    await identityScope(services, systemActor(tenantId, "gateway")).write(async ({ db }) => {
      for (const row of valid.filter((r) => r.tenantId === tenantId)) await addUsage(db, row);
    });
  }
  return valid.length;
}

function addUsage(db: Db, row: UsageRow) {
  const operationKey = row.operationId ?? `name:${row.operationName ?? ""}`;
  return db.$executeRaw`
    INSERT INTO identity.persisted_operation_usage
      (id, "tenantId", "apiClientId", "operationKey", "operationId", "operationName", "windowStart",
       calls, errors, "totalLatencyMs", "maxLatencyMs")
    VALUES (gen_random_uuid(), ${row.tenantId}::uuid, ${row.apiClientId}::uuid, ${operationKey}, ${row.operationId},
       ${row.operationName}, ${row.windowStart}, ${row.calls}, ${row.errors}, ${row.totalLatencyMs}, ${row.maxLatencyMs})
    ON CONFLICT ("apiClientId", "operationKey", "windowStart") DO UPDATE SET
      calls = persisted_operation_usage.calls + EXCLUDED.calls,
      errors = persisted_operation_usage.errors + EXCLUDED.errors,
      "totalLatencyMs" = persisted_operation_usage."totalLatencyMs" + EXCLUDED."totalLatencyMs",
      "maxLatencyMs" = GREATEST(persisted_operation_usage."maxLatencyMs", EXCLUDED."maxLatencyMs")`;
}
