import { createPrivateKey } from "node:crypto";
import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  generateInternalKeyPair,
  INTERNAL_AUDIENCE,
  INTERNAL_ISSUER,
  roleAtLeast,
} from "../src";

const keys = generateInternalKeyPair();
const verifier = createInternalTokenVerifier({ publicKey: keys.publicKey });
const identity = { kind: "apiClient" as const, apiClientId: "a", tenantId: "t", scopes: ["read"] };

function token(claims: { iss?: string; aud?: string; exp?: string | number }, privateKey = keys.privateKey) {
  return new SignJWT({ idn: identity })
    .setProtectedHeader({ alg: "EdDSA" })
    .setIssuer(claims.iss ?? INTERNAL_ISSUER)
    .setAudience(claims.aud ?? INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? "60s")
    .sign(createPrivateKey(privateKey));
}

describe("internal identity token", () => {
  it("round-trips an identity", async () => {
    const signed = await createInternalTokenSigner({ privateKey: keys.privateKey }).sign(identity);
    await expect(verifier.verify(signed)).resolves.toEqual(identity);
  });
  it("refuses a missing token", async () => {
    await expect(verifier.verify(undefined)).rejects.toThrow(/missing/);
  });
  it("refuses a token signed by another key", async () => {
    await expect(verifier.verify(await token({}, generateInternalKeyPair().privateKey))).rejects.toThrow(/invalid/);
  });
  it("refuses an expired token", async () => {
    await expect(verifier.verify(await token({ exp: Math.floor(Date.now() / 1000) - 60 }))).rejects.toThrow(/invalid/);
  });
  it("refuses a wrong issuer or audience", async () => {
    await expect(verifier.verify(await token({ iss: "someone-else" }))).rejects.toThrow(/invalid/);
    await expect(verifier.verify(await token({ aud: "another-service" }))).rejects.toThrow(/invalid/);
  });
  it("refuses alg none", async () => {
    const unsecured = new UnsecuredJWT({ idn: identity })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setExpirationTime("60s")
      .encode();
    await expect(verifier.verify(unsecured)).rejects.toThrow(/invalid/);
  });
});

describe("roleAtLeast", () => {
  it("orders OWNER > ADMIN > EDITOR > VIEWER", () => {
    expect(roleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(roleAtLeast("EDITOR", "EDITOR")).toBe(true);
    expect(roleAtLeast("VIEWER", "EDITOR")).toBe(false);
    expect(roleAtLeast(null, "VIEWER")).toBe(false);
  });
});
