import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { signUpAccount } from "./support/accounts";

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

describe("access tokens and the JWKS", () => {
  test("publishes a JWKS that verifies a freshly issued access token with the agreed claims", async () => {
    const account = await signUpAccount(h);
    const jwks = createRemoteJWKSet(new URL(`${h.baseUrl}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(account.accessToken, jwks, {
      issuer: "atelier-identity",
      audience: "atelier",
      algorithms: ["EdDSA"],
    });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({
      sub: account.userId,
      tid: account.tenantId,
      role: "OWNER",
      sid: account.sessionId,
    });
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  test("serves the JWKS without any identity header and never the private part", async () => {
    const res = await fetch(`${h.baseUrl}/.well-known/jwks.json`);
    const body = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(res.status).toBe(200);
    expect(body.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    expect(body.keys[0]).not.toHaveProperty("d");
    const account = await signUpAccount(h);
    expect(decodeProtectedHeader(account.accessToken).kid).toBe(body.keys[0]!.kid);
  });
});
