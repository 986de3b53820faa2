import { systemIdentity } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { type Account, codeOf, signUpAccount } from "./support/accounts";

const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id keyId scopes active } } }`;
const ROTATE = `mutation($id: ID!) { rotateApiClientSecret(input: { id: $id }) { apiKey apiClient { keyId } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { active revokedAt } } }`;
const VERIFY = "/internal/api-keys/verify";

let h: IdentitySubgraph;
let owner: Account;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  owner = await signUpAccount(h);
});

async function create(scopes = ["creative:read"]) {
  const res = await h
    .as(owner.identity)
    .gql(CREATE, { input: { name: "Partner", scopes, allowedApps: ["partner-app"] } });
  return res.data!.createApiClient as { apiKey: string; apiClient: { id: string; keyId: string; scopes: string[] } };
}

describe("API clients", () => {
  test("returns the key once and stores only a hash of the secret", async () => {
    const { apiKey, apiClient } = await create();
    const [keyId, secret] = apiKey.split(".");
    expect(keyId).toBe(apiClient.keyId);
    const { rows } = await h.sql.query(`SELECT "secretHash" FROM identity.api_clients WHERE id = $1`, [apiClient.id]);
    expect(rows[0].secretHash).not.toContain(secret);
    const listed = await h.as(owner.identity).gql("{ apiClients { edges { node { id keyId } } } }", {});
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  test("verifies a key for the gateway with its tenant and scopes", async () => {
    const { apiKey, apiClient } = await create(["creative:read", "creative:write"]);
    const res = await h.as(systemIdentity("gateway")).post(VERIFY, { apiKey });
    expect(res).toEqual({
      status: 200,
      body: {
        apiClientId: apiClient.id,
        tenantId: owner.tenantId,
        scopes: ["creative:read", "creative:write"],
        allowedApps: ["partner-app"],
      },
    });
  });

  test("refuses a scope outside the catalogue at creation and on update, naming it", async () => {
    const res = await h.as(owner.identity).gql(CREATE, { input: { name: "Partner", scopes: ["workspaces:read"] } });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/unknown scope "workspaces:read"; known scopes: identity:read/);
    const { apiClient } = await create();
    const update = await h
      .as(owner.identity)
      .gql(`mutation($id: ID!) { updateApiClient(input: { id: $id, scopes: ["*"] }) { apiClient { id } } }`, {
        id: apiClient.id,
      });
    expect(update.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("answers an API client calling a user-only field with FORBIDDEN, not UNAUTHENTICATED", async () => {
    const { apiClient } = await create();
    const asClient = { kind: "apiClient" as const, apiClientId: apiClient.id, tenantId: owner.tenantId, scopes: [] };
    const res = await h.as(asClient).gql("{ me { id } }", {});
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  test("refuses a wrong secret, an unknown key id and a malformed key", async () => {
    const { apiClient } = await create();
    expect((await h.as(systemIdentity("gateway")).post(VERIFY, { apiKey: `${apiClient.keyId}.wrong` })).status).toBe(
      401,
    );
    expect((await h.as(systemIdentity("gateway")).post(VERIFY, { apiKey: "ak_unknown.secret" })).status).toBe(401);
    expect((await h.as(systemIdentity("gateway")).post(VERIFY, { apiKey: "no-dot" })).status).toBe(401);
  });

  test("refuses callers of the internal endpoint that are not the gateway's system identity", async () => {
    const { apiKey } = await create();
    expect((await h.as(null).post(VERIFY, { apiKey })).status).toBe(401);
    expect((await h.as(owner.identity).post(VERIFY, { apiKey })).status).toBe(401);
    expect((await h.as(systemIdentity("gateway")).post(VERIFY, { key: apiKey })).status).toBe(400);
  });

  test("rotation makes the old key stop working and the new one work", async () => {
    const { apiKey, apiClient } = await create();
    const rotated = await h.as(owner.identity).gql(ROTATE, { id: apiClient.id });
    const newKey = rotated.data!.rotateApiClientSecret.apiKey;
    expect((await h.as(systemIdentity("gateway")).post(VERIFY, { apiKey })).status).toBe(401);
    expect((await h.as(systemIdentity("gateway")).post(VERIFY, { apiKey: newKey })).status).toBe(200);
  });

  test("a revoked client's key is refused", async () => {
    const { apiKey, apiClient } = await create();
    const revoked = await h.as(owner.identity).gql(REVOKE, { id: apiClient.id });
    expect(revoked.data?.revokeApiClient.apiClient.active).toBe(false);
    expect((await h.as(systemIdentity("gateway")).post(VERIFY, { apiKey })).status).toBe(401);
  });

  test("updates scopes, which the verify endpoint then reports", async () => {
    const { apiKey, apiClient } = await create();
    await h
      .as(owner.identity)
      .gql(
        `mutation($id: ID!) { updateApiClient(input: { id: $id, scopes: ["knowledge:read"] }) { apiClient { id } } }`,
        { id: apiClient.id },
      );
    expect((await h.as(systemIdentity("gateway")).post(VERIFY, { apiKey })).body.scopes).toEqual(["knowledge:read"]);
  });

  test("refuses API-client management to an API client", async () => {
    const { apiClient } = await create();
    const identity = { kind: "apiClient" as const, apiClientId: apiClient.id, tenantId: owner.tenantId, scopes: [] };
    expect(codeOf(await h.as(identity).gql(CREATE, { input: { name: "X", scopes: [] } }))).toBe("FORBIDDEN");
  });
});
