import { createHash } from "node:crypto";
import { systemIdentity } from "@atelier/testing";
import type { IdentitySubgraph } from "../fixture";
import { seedTenant, type TenantFixture } from "./tenant-fixture";

export const TENANT_TABLES = [
  "identity.tenants",
  "identity.memberships",
  "identity.teams",
  "identity.team_members",
  "identity.api_clients",
  "identity.subscriptions",
  "identity.persisted_operation_apps",
  "identity.persisted_operation_versions",
  "identity.persisted_operations",
  "identity.persisted_operation_usage",
  "audit.audit_events",
];

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const manifest = (body: string) => ({
  format: "apollo-persisted-query-manifest",
  version: 1,
  operations: [{ id: sha256(body), name: "Me", type: "query", body }],
});
const PUBLISH = `mutation($input: PublishPersistedOperationsInput!) { publishPersistedOperations(input: $input) { version { id } } }`;

/** A tenant with every kind of row identity keeps, persisted operations and their usage included. */
export async function seedRlsTenant(h: IdentitySubgraph, prefix: string): Promise<TenantFixture> {
  const fixture = await seedTenant(h, prefix);
  const published = await h.gql(fixture.owner.identity, PUBLISH, {
    input: { app: `${prefix}-app`, version: "1", manifest: manifest(`query Me { me { id } } # ${prefix}`) },
  });
  if (published.errors) throw new Error(JSON.stringify(published.errors));
  const row = {
    tenantId: fixture.owner.tenantId,
    apiClientId: fixture.apiClientId,
    operationId: sha256(prefix),
    operationName: "Me",
    windowStart: new Date(Date.now() - 60_000).toISOString(),
    calls: 3,
    errors: 0,
    totalLatencyMs: 30,
    maxLatencyMs: 12,
  };
  await h.as(systemIdentity("gateway")).post("/internal/persisted-operations/usage", { rows: [row] });
  return fixture;
}

/** The ids of every row of `tenantId` in the tenant tables (and the tenant's own id). */
export async function idsOfTenant(h: IdentitySubgraph, tenantId: string): Promise<string[]> {
  const ids: string[] = [tenantId];
  for (const table of TENANT_TABLES) {
    const [column, idColumn] =
      table === "identity.tenants"
        ? ["id", "id"]
        : table === "audit.audit_events"
          ? ["tenant_id", "id"]
          : ['"tenantId"', "id"];
    const { rows } = await h.sql.query(`SELECT ${idColumn}::text AS id FROM ${table} WHERE ${column} = $1`, [tenantId]);
    ids.push(...rows.map((r) => r.id as string));
  }
  return ids;
}
