import { createPrivateKey } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  createDelegationSigner,
  createDelegationVerifier,
  DELEGATION_AUDIENCE,
  delegationIssuer,
  delegationServiceOf,
  generateInternalKeyPair,
} from "../src";

const workflowsKeys = generateInternalKeyPair();
const otherKeys = generateInternalKeyPair();
const verifier = createDelegationVerifier({ workflows: workflowsKeys.publicKey });
const actor = { kind: "user" as const, userId: "u1", tenantId: "t1" };

function forged(claims: Record<string, unknown>, opts: { typ?: string; key?: string; iss?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "EdDSA", typ: opts.typ ?? "delegation+jwt" })
    .setIssuer(opts.iss ?? delegationIssuer("workflows"))
    .setAudience(DELEGATION_AUDIENCE)
    .setSubject("u1")
    .setIssuedAt()
    .setExpirationTime("60s")
    .sign(createPrivateKey(opts.key ?? workflowsKeys.privateKey));
}

describe("delegation tokens", () => {
  it("round-trips the actor, the service and the allowed fields", async () => {
    const signer = createDelegationSigner({ service: "workflows", privateKey: workflowsKeys.privateKey });
    const token = await signer.sign({ actor, fields: ["Query.semanticSearch"] });
    expect(delegationServiceOf(token)).toBe("workflows");
    const verified = await verifier.verify(token);
    expect(verified).toMatchObject({ service: "workflows", actor, fields: ["Query.semanticSearch"] });
    expect(verified.expiresAt).toBeGreaterThan(Date.now());
  });

  it("refuses a service whose key the gateway does not hold, and a key that is not the service's", async () => {
    const knowledge = createDelegationSigner({ service: "knowledge", privateKey: otherKeys.privateKey });
    await expect(verifier.verify(await knowledge.sign({ actor, fields: ["Query.asset"] }))).rejects.toThrow(
      "issuer not accepted",
    );
    const impostor = createDelegationSigner({ service: "workflows", privateKey: otherKeys.privateKey });
    await expect(verifier.verify(await impostor.sign({ actor, fields: ["Query.asset"] }))).rejects.toThrow(
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    );
  });

  it("refuses tokens without an actor or fields, or of another type", async () => {
    await expect(verifier.verify(await forged({ fld: ["Query.asset"] }))).rejects.toThrow("no actor");
    await expect(verifier.verify(await forged({ act: actor, fld: [] }))).rejects.toThrow("no root fields");
    await expect(verifier.verify(await forged({ act: actor, fld: ["Query.asset { id }"] }))).rejects.toThrow(
      "no root fields",
    );
    await expect(verifier.verify(await forged({ act: actor, fld: ["Query.asset"] }, { typ: "JWT" }))).rejects.toThrow(
      "invalid delegation",
    );
  });

  it("caps the lifetime and refuses an empty field list at signing", async () => {
    const signer = createDelegationSigner({
      service: "workflows",
      privateKey: workflowsKeys.privateKey,
      ttlSeconds: 86_400,
    });
    const verified = await verifier.verify(await signer.sign({ actor, fields: ["Query.asset"] }));
    expect(verified.expiresAt - Date.now()).toBeLessThanOrEqual(300_000);
    await expect(signer.sign({ actor, fields: [] })).rejects.toThrow("at least one root field");
  });

  it("reads no service from a token that is not a delegation", () => {
    expect(delegationServiceOf("not-a-jwt")).toBeNull();
  });
});
