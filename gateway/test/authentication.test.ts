import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsecuredToken } from "./support/issuer-keys";
import {
  EXTERNAL_ISSUER,
  startTestStack,
  TEST_API_KEY,
  type TestStack,
  WHOAMI_DOCUMENT,
  WHOAMI_ID,
} from "./support/test-stack";

const WHOAMI = { query: WHOAMI_DOCUMENT };
// API clients run published operations only.
const WHOAMI_BY_ID = { documentId: WHOAMI_ID };

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

async function expectRefused(authorization: string, message: RegExp) {
  const before = stack.subgraph.seen.length;
  const { status, body } = await stack.post(WHOAMI, { authorization });
  expect(status).toBe(401);
  expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  expect(body.errors[0].message).toMatch(message);
  expect(stack.subgraph.seen.length).toBe(before);
}

describe("identity access tokens", () => {
  it("forwards a valid token's user to the subgraph", async () => {
    const token = await stack.userToken({ scope: "projects:read assets:write" });
    const { status, body } = await stack.post(WHOAMI, { authorization: `Bearer ${token}`, "x-request-id": "req-abc" });
    expect(status).toBe(200);
    expect(body.data.whoami).toEqual({
      kind: "user",
      userId: "user-1",
      tenantId: "tenant-1",
      role: "ADMIN",
      apiClientId: null,
      scopes: ["projects:read", "assets:write"],
      requestId: "req-abc",
    });
  });

  it("maps a token without tenant or role to nulls", async () => {
    const token = await stack.issuer.sign({ sub: "user-2" });
    const { body } = await stack.post(WHOAMI, { authorization: `Bearer ${token}` });
    expect(body.data.whoami).toMatchObject({ userId: "user-2", tenantId: null, role: null, scopes: [] });
  });

  it("refuses a forged signature", async () => {
    const { generateKeyPair } = await import("jose");
    const { privateKey } = await generateKeyPair("EdDSA");
    await expectRefused(`Bearer ${await stack.issuer.sign({}, { key: privateKey })}`, /signature invalid/);
  });

  it("refuses an expired token", async () => {
    const token = await stack.issuer.sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    await expectRefused(`Bearer ${token}`, /expired/);
  });

  it("refuses alg none", async () => {
    const token = unsecuredToken({ sub: "user-1", iss: "atelier-identity", aud: "atelier", exp: 9999999999 });
    await expectRefused(`Bearer ${token}`, /algorithm not accepted/);
  });

  it("refuses an unknown issuer", async () => {
    await expectRefused(`Bearer ${await stack.issuer.sign({ iss: "someone-else" })}`, /issuer not accepted/);
  });

  it("refuses a wrong audience", async () => {
    await expectRefused(`Bearer ${await stack.issuer.sign({ aud: "other-app" })}`, /audience not accepted/);
  });

  it("refuses garbage and unknown schemes", async () => {
    await expectRefused("Bearer not-a-jwt", /not a well-formed JWT/);
    await expectRefused("Basic dXNlcjpwYXNz", /unsupported Authorization scheme/);
  });

  it("refuses a bad credential even for a public operation", async () => {
    const { status, body } = await stack.post({ query: "{ health }" }, { authorization: "Bearer nope" });
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("anonymous callers", () => {
  it("may call public fields, reaching subgraphs as anonymous", async () => {
    const { status, body } = await stack.post({ query: "{ health __typename }" });
    expect(status).toBe(200);
    expect(body.data).toEqual({ health: "ok", __typename: "Query" });
    expect(stack.subgraph.seen.at(-1)?.identity).toEqual({ kind: "anonymous" });
    const login = await stack.post({ query: 'mutation { login(email: "a@b.c") }' });
    expect(login.body.data).toEqual({ login: "logged-in" });
  });

  it("may not call anything else", async () => {
    const before = stack.subgraph.seen.length;
    const { status, body } = await stack.post({ query: "{ health whoami { kind } }" });
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors[0].message).toContain("Query.whoami");
    expect(stack.subgraph.seen.length).toBe(before);
  });

  it("may call everything when ALLOW_ANONYMOUS is set, still as anonymous", async () => {
    const open = await startTestStack({ ALLOW_ANONYMOUS: "true" });
    try {
      const { status, body } = await open.post(WHOAMI);
      expect(status).toBe(200);
      expect(body.data.whoami).toMatchObject({ kind: "anonymous", userId: null, tenantId: null });
      const forged = await open.post(WHOAMI, { authorization: "Bearer forged" });
      expect(forged.status).toBe(401);
    } finally {
      await open.close();
    }
  });

  it("may not hide a private field in a fragment", async () => {
    const { status } = await stack.post({ query: "query { ...F } fragment F on Query { whoami { kind } }" });
    expect(status).toBe(401);
  });
});

describe("API keys", () => {
  it("resolves a key sent as Authorization: ApiKey", async () => {
    const { body } = await stack.post(WHOAMI_BY_ID, { authorization: `ApiKey ${TEST_API_KEY}` });
    expect(body.data.whoami).toMatchObject({ kind: "apiClient", apiClientId: "client-1", tenantId: "tenant-api" });
  });

  it("resolves a key sent as x-api-key, from cache the second time", async () => {
    const calls = stack.identity.calls();
    await stack.post(WHOAMI_BY_ID, { "x-api-key": TEST_API_KEY });
    const { body } = await stack.post(WHOAMI_BY_ID, { "x-api-key": TEST_API_KEY });
    expect(body.data.whoami.apiClientId).toBe("client-1");
    expect(stack.identity.calls()).toBe(calls);
  });

  it("refuses an unknown key", async () => {
    await expectRefused("ApiKey ak_unknown", /API key not recognised/);
  });
});

describe("external OIDC issuers", () => {
  it("maps a linked subject to its user", async () => {
    const token = await stack.externalIssuer.sign({ sub: "sso-subject", email: "a@example.test" });
    const { body } = await stack.post(WHOAMI, { authorization: `Bearer ${token}` });
    expect(body.data.whoami).toMatchObject({
      kind: "user",
      userId: "user-sso",
      tenantId: "tenant-sso",
      role: "EDITOR",
    });
  });

  it("refuses an unlinked subject", async () => {
    const token = await stack.externalIssuer.sign({ sub: "stranger" });
    await expectRefused(`Bearer ${token}`, /not linked/);
  });

  it("refuses the external issuer's token for another audience", async () => {
    const token = await stack.externalIssuer.sign({ sub: "sso-subject", iss: EXTERNAL_ISSUER, aud: "atelier" });
    await expectRefused(`Bearer ${token}`, /audience not accepted/);
  });
});
