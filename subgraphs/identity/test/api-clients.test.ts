import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, codeOf, signUpAccount } from "./support/accounts";
import { type Harness, startHarness } from "./support/identity-harness";

const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id keyId scopes active } } }`;
const ROTATE = `mutation($id: ID!) { rotateApiClientSecret(input: { id: $id }) { apiKey apiClient { keyId } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { active revokedAt } } }`;
const VERIFY = "/internal/api-keys/verify";

let h: Harness;
let owner: Account;
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpAccount(h);
});
afterAll(async () => {
  await h?.stop();
});

async function create(scopes = ["creative:read"]) {
  const res = await h.gql(CREATE, { input: { name: "Partner", scopes, allowedApps: ["partner-app"] } }, owner.identity);
  return res.data!.createApiClient as { apiKey: string; apiClient: { id: string; keyId: string; scopes: string[] } };
}

describe("API clients", () => {
  it("returns the key once and stores only a hash of the secret", async () => {
    const { apiKey, apiClient } = await create();
    const [keyId, secret] = apiKey.split(".");
    expect(keyId).toBe(apiClient.keyId);
    const { rows } = await h.sql.query(`SELECT "secretHash" FROM identity.api_clients WHERE id = $1`, [apiClient.id]);
    expect(rows[0].secretHash).not.toContain(secret);
    const listed = await h.gql("{ apiClients { edges { node { id keyId } } } }", {}, owner.identity);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("verifies a key for the gateway with its tenant and scopes", async () => {
    const { apiKey, apiClient } = await create(["creative:read", "creative:write"]);
    const res = await h.internal(VERIFY, { apiKey });
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

  it("refuses a scope outside the catalogue at creation and on update, naming it", async () => {
    const res = await h.gql(CREATE, { input: { name: "Partner", scopes: ["workspaces:read"] } }, owner.identity);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/unknown scope "workspaces:read"; known scopes: identity:read/);
    const { apiClient } = await create();
    const update = await h.gql(
      `mutation($id: ID!) { updateApiClient(input: { id: $id, scopes: ["*"] }) { apiClient { id } } }`,
      { id: apiClient.id },
      owner.identity,
    );
    expect(update.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers an API client calling a user-only field with FORBIDDEN, not UNAUTHENTICATED", async () => {
    const { apiClient } = await create();
    const asClient = { kind: "apiClient" as const, apiClientId: apiClient.id, tenantId: owner.tenantId, scopes: [] };
    const res = await h.gql("{ me { id } }", {}, asClient);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a wrong secret, an unknown key id and a malformed key", async () => {
    const { apiClient } = await create();
    expect((await h.internal(VERIFY, { apiKey: `${apiClient.keyId}.wrong` })).status).toBe(401);
    expect((await h.internal(VERIFY, { apiKey: "ak_unknown.secret" })).status).toBe(401);
    expect((await h.internal(VERIFY, { apiKey: "no-dot" })).status).toBe(401);
  });

  it("refuses callers of the internal endpoint that are not the gateway's system identity", async () => {
    const { apiKey } = await create();
    expect((await h.internal(VERIFY, { apiKey }, null)).status).toBe(401);
    expect((await h.internal(VERIFY, { apiKey }, owner.identity)).status).toBe(401);
    expect((await h.internal(VERIFY, { key: apiKey })).status).toBe(400);
  });

  it("rotation makes the old key stop working and the new one work", async () => {
    const { apiKey, apiClient } = await create();
    const rotated = await h.gql(ROTATE, { id: apiClient.id }, owner.identity);
    const newKey = rotated.data!.rotateApiClientSecret.apiKey;
    expect((await h.internal(VERIFY, { apiKey })).status).toBe(401);
    expect((await h.internal(VERIFY, { apiKey: newKey })).status).toBe(200);
  });

  it("a revoked client's key is refused", async () => {
    const { apiKey, apiClient } = await create();
    const revoked = await h.gql(REVOKE, { id: apiClient.id }, owner.identity);
    expect(revoked.data?.revokeApiClient.apiClient.active).toBe(false);
    expect((await h.internal(VERIFY, { apiKey })).status).toBe(401);
  });

  it("updates scopes, which the verify endpoint then reports", async () => {
    const { apiKey, apiClient } = await create();
    await h.gql(
      `mutation($id: ID!) { updateApiClient(input: { id: $id, scopes: ["knowledge:read"] }) { apiClient { id } } }`,
      { id: apiClient.id },
      owner.identity,
    );
    expect((await h.internal(VERIFY, { apiKey })).body.scopes).toEqual(["knowledge:read"]);
  });

  it("refuses API-client management to an API client", async () => {
    const { apiClient } = await create();
    const identity = { kind: "apiClient" as const, apiClientId: apiClient.id, tenantId: owner.tenantId, scopes: [] };
    expect(codeOf(await h.gql(CREATE, { input: { name: "X", scopes: [] } }, identity))).toBe("FORBIDDEN");
  });
});
