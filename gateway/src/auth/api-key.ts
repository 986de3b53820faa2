import type { Identity } from "@atelier/internal-auth";
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

/** Resolves API keys through identity; results are cached by the key's hash, refusals briefly. */
export function createApiKeyVerifier(identity: IdentityInternalClient) {
  const cache = new TtlCache<Identity | null>(10_000);
  return {
    async verify(apiKey: string): Promise<Identity> {
      const cacheKey = sha256(apiKey);
      let resolved = cache.get(cacheKey);
      if (resolved === undefined) {
        const result = await identity.post<VerifiedApiKey>("/internal/api-keys/verify", { apiKey });
        resolved = result.ok
          ? {
              kind: "apiClient",
              apiClientId: result.body.apiClientId,
              tenantId: result.body.tenantId,
              scopes: result.body.scopes ?? [],
            }
          : null;
        cache.set(cacheKey, resolved, resolved ? KNOWN_KEY_TTL_MS : UNKNOWN_KEY_TTL_MS);
      }
      if (!resolved) throw new AuthenticationError("API key not recognised");
      return resolved;
    },
  };
}
