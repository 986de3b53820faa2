import { crossTenant } from "@atelier/db";
import { systemActor } from "@atelier/subgraph-kit";
import { opaqueTokenMatches } from "../auth/opaque-token";
import type { IdentityServices } from "../context";
import { identityScope } from "./identity-scope";

export interface VerifiedApiKey {
  apiClientId: string;
  tenantId: string;
  scopes: string[];
  /** Persisted-operation applications the client may call (beyond the agreed contract; additive). */
  allowedApps: string[];
}

// Compared against when the key id is unknown, so timing does not reveal which ids exist.
const UNKNOWN_KEY_HASH = "0".repeat(43);
const LAST_USED_RESOLUTION_MS = 60_000;

/** Checks `<keyId>.<secret>`: an active, unrevoked client of an ACTIVE tenant, secret compared in constant time. */
export async function verifyApiKey(services: IdentityServices, apiKey: string): Promise<VerifiedApiKey | null> {
  const dot = apiKey.indexOf(".");
  const keyId = dot > 0 ? apiKey.slice(0, dot) : "";
  const secret = dot > 0 ? apiKey.slice(dot + 1) : apiKey;
  const client = keyId
    ? await crossTenant("identity-resolution", () =>
        services.db.apiClient.findUnique({ where: { keyId }, include: { tenant: { select: { status: true } } } }),
      )
    : null;
  const secretOk = opaqueTokenMatches(secret, client?.secretHash ?? UNKNOWN_KEY_HASH);
  if (!client || !secretOk || !client.active || client.revokedAt || client.tenant.status !== "ACTIVE") return null;
  if (!client.lastUsedAt || Date.now() - client.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await identityScope(services, systemActor(client.tenantId, "identity")).write((tx) =>
      tx.db.apiClient.update({ where: { id: client.id }, data: { lastUsedAt: new Date() } }),
    );
  }
  return { apiClientId: client.id, tenantId: client.tenantId, scopes: client.scopes, allowedApps: client.allowedApps };
}
