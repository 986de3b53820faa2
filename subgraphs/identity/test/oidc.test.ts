import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ANONYMOUS } from "@atelier/internal-auth";
import { systemIdentity } from "@atelier/testing";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest } from "./fixture";
import { AUTH_FIELDS, codeOf, signUpAccount, uniqueEmail } from "./support/accounts";

const ISSUER = "https://sso.example.test";
const AUDIENCE = "atelier-web";
const LOGIN_WITH_ID_TOKEN = `mutation($t: String!) { loginWithIdToken(input: { idToken: $t }) { ${AUTH_FIELDS} } }`;

let h: IdentitySubgraph;
let jwksServer: Server;
let jwksPort: number;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

beforeAll(async () => {
  const pair = await generateKeyPair("ES256");
  privateKey = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "ES256", use: "sig" };
  jwksServer = createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  jwksPort = (jwksServer.address() as AddressInfo).port;
});
afterAll(() => {
  jwksServer?.close();
});

const test = identityTest.with({
  env: () => ({
    OIDC_ISSUERS: JSON.stringify([
      { issuer: ISSUER, jwksUri: `http://127.0.0.1:${jwksPort}/jwks`, audience: AUDIENCE },
    ]),
  }),
});
test.beforeAll(({ subgraph }) => {
  h = subgraph;
});

function idToken(claims: Record<string, unknown>, issuer = ISSUER) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", kid: "test-key" })
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
}

describe("external OIDC identities", () => {
  test("resolves for the gateway by verified e-mail, then by subject", async () => {
    const account = await signUpAccount(h);
    const body = { issuer: ISSUER, subject: "sub-1", email: account.email, emailVerified: true };
    expect(await h.as(systemIdentity("gateway")).post("/internal/oidc/resolve", body)).toEqual({
      status: 200,
      body: { userId: account.userId, tenantId: account.tenantId, role: "OWNER" },
    });
    const linked = await h.sql.query(
      `SELECT actor_type FROM audit.audit_events WHERE action = 'user.link_oidc' AND resource_id = $1`,
      [account.userId],
    );
    expect(linked.rows).toEqual([{ actor_type: "SYSTEM" }]);
    const bySubject = await h.as(systemIdentity("gateway")).post("/internal/oidc/resolve", {
      issuer: ISSUER,
      subject: "sub-1",
      email: null,
      emailVerified: false,
    });
    expect(bySubject.body.userId).toBe(account.userId);
  });

  test("does not link by an unverified e-mail", async () => {
    const account = await signUpAccount(h);
    const res = await h.as(systemIdentity("gateway")).post("/internal/oidc/resolve", {
      issuer: ISSUER,
      subject: "sub-2",
      email: account.email,
      emailVerified: false,
    });
    expect(res.status).toBe(401);
  });

  test("refuses resolve calls without the system identity", async () => {
    const res = await h
      .as({ kind: "anonymous" })
      .post("/internal/oidc/resolve", { issuer: ISSUER, subject: "x", email: null });
    expect(res.status).toBe(401);
  });

  test("signs in with an ID token, creating an account for a new verified subject", async () => {
    const email = uniqueEmail("sso");
    const res = await h.as(ANONYMOUS).gql(LOGIN_WITH_ID_TOKEN, {
      t: await idToken({ sub: "sub-new", email, email_verified: true, name: "Sso User" }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.loginWithIdToken).toMatchObject({ user: { email }, tenant: null, role: null });
    expect(res.data?.loginWithIdToken.refreshToken).toBeTruthy();
    const again = await h.as(ANONYMOUS).gql(LOGIN_WITH_ID_TOKEN, { t: await idToken({ sub: "sub-new" }) });
    expect(again.data?.loginWithIdToken.user.id).toBe(res.data?.loginWithIdToken.user.id);
  });

  test("refuses an ID token of an issuer that is not configured", async () => {
    const res = await h
      .as(ANONYMOUS)
      .gql(LOGIN_WITH_ID_TOKEN, { t: await idToken({ sub: "x" }, "https://evil.example") });
    expect(codeOf(res)).toBe("UNAUTHENTICATED");
  });
});
