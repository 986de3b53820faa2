import { randomBytes } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { IDENTITY_HEADER } from "@atelier/internal-auth";
import { createLogger } from "@atelier/logging";
import { type AnyData, signIdentity, testKeys } from "@atelier/testing";
import { describe, expect } from "vitest";
import { loadIdentityConfig } from "../src/config";
import { createIdentityService, type IdentityService } from "../src/server";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { idsOfTenant, seedRlsTenant, sha256, TENANT_TABLES } from "./support/rls-seed";
import type { TenantFixture } from "./support/tenant-fixture";

/**
 * Every read path of identity, for tenant A, against a service bound by row-level security: the
 * tenant tables are FORCEd and the service connects as their (non-superuser) owner, so a read that
 * escapes its tenant scope sees none of A's rows (the policies fail closed with `app.tenant_id`
 * unset), and a read in the wrong scope would show B's. Each path must show all of A and none of B.
 */
let h: IdentitySubgraph;
let bound: IdentityService;
let A: TenantFixture;
let B: TenantFixture;
const owner = `rls_owner_${randomBytes(4).toString("hex")}`;
/** Every id of B's rows, and of the users only B has: none may appear in an answer to A. */
let foreignIds: string[];

async function gql(query: string, identity: Identity, variables: Record<string, unknown> = {}) {
  const res = await fetch(bound.url, {
    method: "POST",
    headers: { "content-type": "application/json", [IDENTITY_HEADER]: await signIdentity(identity) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: AnyData; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(JSON.stringify(body)).not.toMatch(new RegExp(foreignIds.join("|")));
  return body.data!;
}

async function internal(path: string, payload: unknown) {
  const res = await fetch(`${bound.url.replace(/\/graphql$/, "")}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [IDENTITY_HEADER]: await signIdentity({ kind: "system", service: "gateway" }),
    },
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  expect(text).not.toMatch(new RegExp(foreignIds.join("|")));
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const ids = (edges: { node: { id: string } }[]) => edges.map((e) => e.node.id).sort();
async function dbIds(sql: string, params: unknown[]): Promise<string[]> {
  return (await h.sql.query(sql, params)).rows.map((r) => r.id as string).sort();
}

test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  A = await seedRlsTenant(h, "rls-a");
  B = await seedRlsTenant(h, "rls-b");
  const bOnlyUsers = await h.sql.query(
    `SELECT DISTINCT "userId"::text AS id FROM identity.memberships m WHERE "tenantId" = $1
     AND NOT EXISTS (SELECT 1 FROM identity.memberships o WHERE o."userId" = m."userId" AND o."tenantId" = $2)`,
    [B.owner.tenantId, A.owner.tenantId],
  );
  foreignIds = [...(await idsOfTenant(h, B.owner.tenantId)), ...bOnlyUsers.rows.map((r) => r.id as string)];

  // The service's own connection: the tables' owner, not a superuser, so FORCE binds it too.
  await h.sql.query(`CREATE ROLE ${owner} LOGIN; GRANT atelier_app TO ${owner};
    GRANT USAGE ON SCHEMA identity, audit TO ${owner}`);
  const tables = await h.sql.query(
    `SELECT schemaname || '.' || tablename AS name FROM pg_tables WHERE schemaname IN ('identity', 'audit')`,
  );
  for (const { name } of tables.rows) await h.sql.query(`ALTER TABLE ${name} OWNER TO ${owner}`);
  for (const table of TENANT_TABLES) await h.sql.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  const url = new URL(h.db.url);
  url.username = owner;
  bound = await createIdentityService(
    loadIdentityConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: url.toString(),
      DATABASE_POOL_MAX: "4",
      INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
    }),
    { logger: createLogger({ service: "identity", level: "silent" }) },
  );
});

test.afterAll(async () => {
  await bound?.stop();
  // The tables go back to the test database's owner, so the role can go before the database does.
  await h.sql.query(`REASSIGN OWNED BY ${owner} TO CURRENT_USER; DROP OWNED BY ${owner}`);
  const admin = new URL(h.db.url);
  admin.pathname = "/postgres";
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP ROLE IF EXISTS ${owner}`).catch(() => {});
  await client.end();
});

describe("identity's read paths under forced row-level security", () => {
  test("shows the owner's own tenant in full (currentTenant, Tenant._entities), and never B's", async () => {
    const id = A.owner.identity;
    const data = await gql(
      `query($reps: [_Any!]!) {
        currentTenant { id crmId settings plan { code } }
        _entities(representations: $reps) { ... on Tenant { id name } }
      }`,
      id,
      {
        reps: [
          { __typename: "Tenant", id: A.owner.tenantId },
          { __typename: "Tenant", id: B.owner.tenantId },
        ],
      },
    );
    expect(data.currentTenant.id).toBe(A.owner.tenantId);
    expect(data.currentTenant.plan.code).toBe("FREE");
    expect(data._entities).toEqual([{ id: A.owner.tenantId, name: expect.any(String) }, null]);
  });

  test("lists every membership of A by status, with user, tenant and inviter", async () => {
    const fields = "id user { id } tenant { id slug } invitedBy { id }";
    const data = await gql(
      `{ approved: memberships(first: 100) { edges { node { ${fields} } } }
         pending: memberships(first: 100, filter: { status: PENDING }) { edges { node { ${fields} } } } }`,
      A.owner.identity,
    );
    const tenant = A.owner.tenantId;
    const q = `SELECT id::text FROM identity.memberships WHERE "tenantId" = $1 AND status = $2`;
    expect(ids(data.approved.edges)).toEqual(await dbIds(q, [tenant, "APPROVED"]));
    expect(ids(data.pending.edges)).toEqual(await dbIds(q, [tenant, "PENDING"]));
    expect(ids(data.pending.edges)).toEqual([A.invitationId, A.pendingRequestId].sort());
    for (const edge of [...data.approved.edges, ...data.pending.edges]) expect(edge.node.tenant.id).toBe(tenant);
  });

  test("lists A's teams with their members (loader-backed users), and finds no team of B", async () => {
    const data = await gql(
      `query($a: ID!, $b: ID!) {
        teams(first: 100) { edges { node { id members { edges { node { id user { id } } } } } } }
        own: team(id: $a) { id members { edges { node { id } } } }
        foreign: team(id: $b) { id }
      }`,
      A.admin.inTenant,
      { a: A.teamId, b: B.teamId },
    );
    expect(ids(data.teams.edges)).toEqual(
      await dbIds(`SELECT id::text FROM identity.teams WHERE "tenantId" = $1`, [A.owner.tenantId]),
    );
    const members = await dbIds(`SELECT id::text FROM identity.team_members WHERE "teamId" = $1`, [A.teamId]);
    expect(ids(data.own.members.edges)).toEqual(members);
    expect(members).toHaveLength(1);
    expect(data.teams.edges[0].node.members.edges[0].node.user.id).toBe(A.admin.userId);
    expect(data.foreign).toBeNull();
  });

  test("lists A's API clients and their usage", async () => {
    const data = await gql(
      `query($id: ID!, $from: DateTime!, $to: DateTime!) {
        apiClients(first: 100) { edges { node { id } } }
        persistedOperationUsage(apiClientId: $id, from: $from, to: $to) { operationId calls }
      }`,
      A.owner.identity,
      {
        id: A.apiClientId,
        from: new Date(Date.now() - 3_600_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      },
    );
    expect(ids(data.apiClients.edges)).toEqual([A.apiClientId]);
    expect(data.persistedOperationUsage).toEqual([{ operationId: sha256("rls-a"), calls: 3 }]);
  });

  test("lists A's persisted-operation apps and versions, with their loader-backed app and operations", async () => {
    const data = await gql(
      `{ persistedOperationApps(first: 100) { edges { node { id name } } }
         persistedOperationVersions(app: "rls-a-app") { edges { node { id app { id name } operations { id } } } } }`,
      A.owner.identity,
    );
    expect(data.persistedOperationApps.edges.map((e: AnyData) => e.node.name)).toEqual(["rls-a-app"]);
    const [version] = data.persistedOperationVersions.edges;
    expect(version.node.app.name).toBe("rls-a-app");
    expect(version.node.operations).toEqual([{ id: sha256("query Me { me { id } } # rls-a") }]);
  });

  test("shows A's audit feed in full, and A's part of the owner's own activity", async () => {
    const data = await gql(
      `{ auditEvents(first: 100) { edges { node { id actor { id } } } }
         myActivity(first: 100) { edges { node { id } } } }`,
      A.owner.identity,
    );
    const tenantEvents = await dbIds(`SELECT id::text FROM audit.audit_events WHERE tenant_id = $1`, [
      A.owner.tenantId,
    ]);
    expect(ids(data.auditEvents.edges)).toEqual(tenantEvents);
    expect(tenantEvents.length).toBeGreaterThan(5);
    // Account-level events (no tenant) are no tenant's rows: forced RLS hides them from this service.
    const own = await dbIds(`SELECT id::text FROM audit.audit_events WHERE tenant_id = $1 AND actor_id = $2`, [
      A.owner.tenantId,
      A.owner.userId,
    ]);
    expect(ids(data.myActivity.edges)).toEqual(own);
  });

  test("resolves A's users by reference and as me, and none of B's", async () => {
    const data = await gql(
      `query($reps: [_Any!]!) { me { id } _entities(representations: $reps) { ... on User { id email } } }`,
      A.owner.identity,
      {
        reps: [
          { __typename: "User", id: A.admin.userId },
          { __typename: "User", id: B.owner.userId },
        ],
      },
    );
    expect(data.me.id).toBe(A.owner.userId);
    expect(data._entities).toEqual([{ id: A.admin.userId, email: A.admin.email }, null]);
  });

  test("serves an API client of A its tenant, and never B's", async () => {
    const client: Identity = {
      kind: "apiClient",
      apiClientId: A.apiClientId,
      tenantId: A.owner.tenantId,
      scopes: ["identity:read"],
    };
    const data = await gql(
      `query($reps: [_Any!]!) { currentTenant { id crmId } _entities(representations: $reps) { ... on Tenant { id } } }`,
      client,
      { reps: [{ __typename: "Tenant", id: B.owner.tenantId }] },
    );
    expect(data.currentTenant.id).toBe(A.owner.tenantId);
    expect(data._entities).toEqual([null]);
  });

  test("answers the gateway's tenant-scoped internal reads for A only", async () => {
    const own = await internal("/internal/delegations/resolve", {
      actor: { kind: "user", userId: A.owner.userId, tenantId: A.owner.tenantId },
    });
    expect(own).toEqual({ status: 200, body: { kind: "user", role: "OWNER" } });
    const foreign = await internal("/internal/delegations/resolve", {
      actor: { kind: "apiClient", apiClientId: B.apiClientId, tenantId: A.owner.tenantId },
    });
    expect(foreign.status).toBe(401);
    const lookup = await internal("/internal/persisted-operations/lookup", {
      id: sha256("query Me { me { id } } # rls-a"),
      tenantId: A.owner.tenantId,
    });
    expect(lookup).toMatchObject({ status: 200, body: { allowed: true, operationName: "Me" } });
  });
});

describe("the named cross-tenant read (own-memberships), on the service as deployed", () => {
  test("lists the signed-in user's own memberships with their tenants, and nobody else's", async () => {
    const res = await h.gql(A.admin.identity, `{ myMemberships { id tenant { id crmId } } }`);
    const mine = await dbIds(`SELECT id::text FROM identity.memberships WHERE "userId" = $1`, [A.admin.userId]);
    expect(res.data!.myMemberships.map((m: AnyData) => m.id).sort()).toEqual(mine);
    expect(res.data!.myMemberships.map((m: AnyData) => m.tenant.id).sort()).toEqual(
      [A.admin.tenantId, A.owner.tenantId].sort(),
    );
    expect(JSON.stringify(res)).not.toMatch(new RegExp(foreignIds.join("|")));
  });
});
