import { randomUUID } from "node:crypto";
import { createInternalTokenSigner, generateInternalKeyPair, type Identity, type Role } from "@atelier/internal-auth";

let keys: { privateKey: string; publicKey: string } | undefined;

/** One Ed25519 pair per test process, standing in for the gateway's key. */
export function testKeys(): { privateKey: string; publicKey: string } {
  keys ??= generateInternalKeyPair();
  return keys;
}

/** The `x-atelier-identity` header value the gateway would send for `identity`. */
export function signIdentity(identity: Identity, privateKey: string = testKeys().privateKey): Promise<string> {
  return createInternalTokenSigner({ privateKey, ttlSeconds: 300 }).sign(identity);
}

export type UserIdentity = Extract<Identity, { kind: "user" }> & { tenantId: string };

/** A user of `tenantId` with `role`, as the gateway forwards them. */
export function member(tenantId: string, role: Role = "EDITOR", userId: string = randomUUID()): UserIdentity {
  return { kind: "user", userId, tenantId, role, sessionId: null, scopes: [] };
}

/** A signed-in user of a brand-new tenant (a tenant that no other test shares). */
export function newTenantUser(role: Role = "EDITOR"): UserIdentity {
  return { ...member(randomUUID(), role), sessionId: randomUUID() };
}

/** Another user of the same tenant, with another role. */
export function colleague(of: UserIdentity, role: Role): UserIdentity {
  return { ...of, userId: randomUUID(), role };
}

/** A gateway-internal caller (API-key or OIDC resolution, billing grants). */
export function systemIdentity(service: string): Identity {
  return { kind: "system", service };
}
