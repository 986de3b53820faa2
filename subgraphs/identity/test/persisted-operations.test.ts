import { createHash } from "node:crypto";
import { systemIdentity } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { type Account, codeOf, signUpAccount } from "./support/accounts";
import { addMember } from "./support/memberships";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const ITEMS = "query Items { me { id } }";
const PING = "mutation Ping { logout { ok } }";
const PING_ID = sha256(PING);
const OLD = "query Old { me { id } }";
const apolloManifest = (body = ITEMS, id = sha256(body)) => ({
  format: "apollo-persisted-query-manifest",
  version: 1,
  operations: [{ id, name: "Items", type: "query", body }],
});
const PUBLISH = `mutation($input: PublishPersistedOperationsInput!) {
  publishPersistedOperations(input: $input) {
    version { id version status operationCount app { name } operations { id name type document } }
  }
}`;
const RETIRE = `mutation($input: RetirePersistedOperationVersionInput!) {
  retirePersistedOperationVersion(input: $input) { version { status retiredAt } }
}`;
const APPS = "{ persistedOperationApps { edges { node { name } } } }";
const VERSIONS = `query($app: String!) { persistedOperationVersions(app: $app) { edges { node { version status } } } }`;
const USAGE = `query($id: ID!, $from: DateTime!, $to: DateTime!) {
  persistedOperationUsage(apiClientId: $id, from: $from, to: $to) { operationId calls errors averageLatencyMs maxLatencyMs }
}`;
const LOOKUP = "/internal/persisted-operations/lookup";

let h: IdentitySubgraph;
let owner: Account;
let intruder: Account;
let clientId: string;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  owner = await signUpAccount(h, "pq-owner");
  intruder = await signUpAccount(h, "pq-intruder");
  const created = await h
    .as(owner.identity)
    .gql(
      `mutation { createApiClient(input: { name: "Shop", scopes: [], allowedApps: ["shop"] }) { apiClient { id } } }`,
      {},
    );
  clientId = created.data!.createApiClient.apiClient.id;
  const published = await h
    .as(owner.identity)
    .gql(PUBLISH, { input: { app: "shop", version: "1", manifest: apolloManifest() } });
  if (published.errors) throw new Error(JSON.stringify(published.errors));
});

const publish = (account: Account, app: string, version: string, manifest: unknown) =>
  h.as(account.identity).gql(PUBLISH, { input: { app, version, manifest } });

describe("publishing manifests", () => {
  test("stores Apollo's format with each operation's name and type, and audits it", async () => {
    const res = await publish(owner, "web", "1.0.0", apolloManifest());
    expect(res.data!.publishPersistedOperations.version).toMatchObject({
      version: "1.0.0",
      status: "ACTIVE",
      operationCount: 1,
      app: { name: "web" },
      operations: [{ id: sha256(ITEMS), name: "Items", type: "QUERY", document: ITEMS }],
    });
    const audit = await h.sql.query(
      `SELECT action FROM audit.audit_events WHERE tenant_id = $1 AND action = 'persisted_operations.publish'`,
      [owner.tenantId],
    );
    expect(audit.rowCount).toBeGreaterThan(0);
  });

  test("stores a Codegen map under its own hashes", async () => {
    const res = await publish(owner, "mobile", "3", { [PING_ID]: PING });
    expect(res.data!.publishPersistedOperations.version.operations).toEqual([
      expect.objectContaining({ id: PING_ID, name: "Ping", type: "MUTATION" }),
    ]);
  });

  test("refuses a Codegen map whose key is not the SHA-256 of its document", async () => {
    const res = await publish(owner, "mobile", "bad-key", { abc123: "mutation Ping { logout { ok } }" });
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0]!.message).toMatch(/abc123 is not the SHA-256/);
  });

  test("refuses an Apollo manifest whose id is not the SHA-256 of its body, naming the operation", async () => {
    const res = await publish(owner, "web", "bad-hash", apolloManifest(ITEMS, "0".repeat(64)));
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0]!.message).toContain("Items");
  });

  test("refuses what is neither format, a bad version label and a version published twice", async () => {
    expect(codeOf(await publish(owner, "web", "x", { operations: 5 }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await publish(owner, "web", "../1", apolloManifest()))).toBe("BAD_USER_INPUT");
    expect(codeOf(await publish(owner, "shop", "1", apolloManifest()))).toBe("CONFLICT");
  });

  test("needs ADMIN", async () => {
    const editor = await addMember(h, owner, "EDITOR", "pq-editor");
    const res = await h
      .as(editor.inTenant)
      .gql(PUBLISH, { input: { app: "web", version: "9", manifest: apolloManifest() } });
    expect(codeOf(res)).toBe("FORBIDDEN");
  });
});

describe("lookups for the gateway", () => {
  test("resolves an ACTIVE operation for a client allowed its app, and for first-party callers of the tenant", async () => {
    const byClient = await h.as(systemIdentity("gateway")).post(LOOKUP, { id: sha256(ITEMS), apiClientId: clientId });
    expect(byClient).toEqual({ status: 200, body: { document: ITEMS, operationName: "Items", allowed: true } });
    const byTenant = await h.as(systemIdentity("gateway")).post(LOOKUP, { id: PING_ID, tenantId: owner.tenantId });
    expect(byTenant.body.allowed).toBe(true);
  });

  test("does not resolve another app's operation for a client, nor another tenant's operation", async () => {
    const otherApp = await h.as(systemIdentity("gateway")).post(LOOKUP, { id: PING_ID, apiClientId: clientId });
    expect(otherApp.body).toEqual({ document: null, operationName: null, allowed: false });
    expect(
      (await h.as(systemIdentity("gateway")).post(LOOKUP, { id: PING_ID, tenantId: intruder.tenantId })).status,
    ).toBe(404);
  });

  test("refuses callers other than the gateway", async () => {
    expect((await h.as(owner.identity).post(LOOKUP, { id: PING_ID, tenantId: owner.tenantId })).status).toBe(401);
  });
});

describe("versions and retirement", () => {
  test("lists apps and versions to the tenant's admins only", async () => {
    const apps = await h.as(owner.identity).gql(APPS, {});
    expect(apps.data!.persistedOperationApps.edges.map((e: { node: { name: string } }) => e.node.name)).toContain(
      "shop",
    );
    expect((await h.as(intruder.identity).gql(APPS, {})).data!.persistedOperationApps.edges).toEqual([]);
    expect(
      (await h.as(intruder.identity).gql(VERSIONS, { app: "shop" })).data!.persistedOperationVersions.edges,
    ).toEqual([]);
  });

  test("retires a version so its operations stop resolving; another tenant cannot retire it", async () => {
    await publish(owner, "legacy", "1", { [sha256(OLD)]: OLD });
    const refused = await h.as(intruder.identity).gql(RETIRE, { input: { app: "legacy", version: "1" } });
    expect(codeOf(refused)).toBe("NOT_FOUND");
    const retired = await h.as(owner.identity).gql(RETIRE, { input: { app: "legacy", version: "1" } });
    expect(retired.data!.retirePersistedOperationVersion.version.status).toBe("RETIRED");
    expect(
      (await h.as(systemIdentity("gateway")).post(LOOKUP, { id: sha256(OLD), tenantId: owner.tenantId })).status,
    ).toBe(404);
  });
});

describe("usage", () => {
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  const row = (tenantId: string, calls: number, errors: number) => ({
    tenantId,
    apiClientId: clientId,
    operationId: sha256(ITEMS),
    operationName: "Items",
    windowStart: minute,
    calls,
    errors,
    totalLatencyMs: calls * 10,
    maxLatencyMs: 30,
  });

  test("adds the gateway's batches up per minute and shows them to the client's tenant admins only", async () => {
    await h
      .as(systemIdentity("gateway"))
      .post("/internal/persisted-operations/usage", { rows: [row(owner.tenantId, 3, 1)] });
    await h
      .as(systemIdentity("gateway"))
      .post("/internal/persisted-operations/usage", { rows: [row(owner.tenantId, 2, 0)] });
    const forged = await h
      .as(systemIdentity("gateway"))
      .post("/internal/persisted-operations/usage", { rows: [row(intruder.tenantId, 50, 0)] });
    expect(forged.body).toEqual({ recorded: 0 });
    const range = {
      id: clientId,
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const usage = await h.as(owner.identity).gql(USAGE, range);
    expect(usage.data!.persistedOperationUsage).toEqual([
      { operationId: sha256(ITEMS), calls: 5, errors: 1, averageLatencyMs: 10, maxLatencyMs: 30 },
    ]);
    expect(codeOf(await h.as(intruder.identity).gql(USAGE, range))).toBe("NOT_FOUND");
  });

  test("refuses a malformed batch and a backwards range", async () => {
    const bad = await h.as(systemIdentity("gateway")).post("/internal/persisted-operations/usage", {
      rows: [{ ...row(owner.tenantId, 1, 0), apiClientId: "x" }],
    });
    expect(bad.status).toBe(400);
    const backwards = { id: clientId, from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() };
    expect(codeOf(await h.as(owner.identity).gql(USAGE, backwards))).toBe("BAD_USER_INPUT");
  });
});
