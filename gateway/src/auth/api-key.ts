import type { Identity } from "@atelier/internal-auth";
import type { CurrentAccessResolver } from "../access/current-access";
import { AuthenticationError } from "./authentication-error";
import type { IdentityInternalClient } from "./identity-internal-client";
import { sha256 } from "./sha256";
import { TtlCache } from "./ttl-cache";

const KNOWN_KEY_TTL_MS = 30_000;
const UNKNOWN_KEY_TTL_MS = 5_000;

interface VerifiedApiKey {
  apiClientId: string;
  tenantId: string;
  scopes: string[];
}

/**
 * Resolves API keys through identity; results are cached by the key's hash, refusals briefly. When
 * identity announces that a client was revoked, rotated or re-scoped, its cached verifications stop
 * counting at once (this listener is registered before any socket watch, which is built from the
 * authenticator, so a re-checked socket already asks identity afresh).
 */
export function createApiKeyVerifier(
  identity: IdentityInternalClient,
  access?: Pick<CurrentAccessResolver, "onChange">,
) {
  const cache = new TtlCache<{ identity: Identity | null; askedAt: number }>(10_000);
  /** apiClientId → when identity last announced a change of it; verifications asked earlier are stale. */
  const changedAt = new Map<string, number>();
  access?.onChange((change) => {
    if (typeof change.apiClientId !== "string") return;
    const now = Date.now();
    for (const [id, at] of changedAt) if (now - at > KNOWN_KEY_TTL_MS) changedAt.delete(id);
    changedAt.set(change.apiClientId, now);
  });
  const stale = (entry: { identity: Identity | null; askedAt: number }) =>
    entry.identity?.kind === "apiClient" && (changedAt.get(entry.identity.apiClientId) ?? -1) >= entry.askedAt;
  return {
    async verify(apiKey: string): Promise<Identity> {
      const cacheKey = sha256(apiKey);
      const cached = cache.get(cacheKey);
      let resolved = cached && !stale(cached) ? cached.identity : undefined;
      if (resolved === undefined) {
        const askedAt = Date.now();
        const result = await identity.post<VerifiedApiKey>("/internal/api-keys/verify", { apiKey });
        resolved = result.ok
          ? {
              kind: "apiClient",
              apiClientId: result.body.apiClientId,
              tenantId: result.body.tenantId,
              scopes: result.body.scopes ?? [],
            }
          : null;
        cache.set(cacheKey, { identity: resolved, askedAt }, resolved ? KNOWN_KEY_TTL_MS : UNKNOWN_KEY_TTL_MS);
      }
      if (!resolved) throw new AuthenticationError("API key not recognised");
      return resolved;
    },
  };
}
