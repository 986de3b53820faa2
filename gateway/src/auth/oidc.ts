import type { Identity, Role } from "@atelier/internal-auth";
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import type { OidcIssuer } from "../config";
import { AuthenticationError } from "./authentication-error";
import type { IdentityInternalClient } from "./identity-internal-client";
import { TtlCache } from "./ttl-cache";
import { verifyJwt } from "./verify-jwt";

const LINK_TTL_MS = 30_000;

interface ResolvedUser {
  userId: string;
  tenantId: string | null;
  role: Role | null;
}

/** Verifies tokens of configured external issuers, then asks identity which user the subject is linked to. */
export function createOidcVerifier(opts: {
  issuers: OidcIssuer[];
  algorithms: string[];
  identity: IdentityInternalClient;
}) {
  const keysByIssuer = new Map<string, { issuer: OidcIssuer; keys: JWTVerifyGetKey }>();
  for (const issuer of opts.issuers) {
    const keys = createRemoteJWKSet(new URL(issuer.jwksUri), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    keysByIssuer.set(issuer.issuer, { issuer, keys });
  }
  const links = new TtlCache<ResolvedUser>(10_000);

  return {
    accepts: (issuer: string) => keysByIssuer.has(issuer),

    async verify(token: string, issuerName: string): Promise<{ identity: Identity; expiresAt: number }> {
      const entry = keysByIssuer.get(issuerName);
      if (!entry) throw new AuthenticationError("access token issuer not accepted");
      const payload = await verifyJwt(token, entry.keys, {
        issuer: entry.issuer.issuer,
        audience: entry.issuer.audience,
        algorithms: opts.algorithms,
      });
      const subject = String(payload.sub);
      const linkKey = `${issuerName}\n${subject}`;
      let user = links.get(linkKey);
      if (!user) {
        const result = await opts.identity.post<ResolvedUser>("/internal/oidc/resolve", {
          issuer: issuerName,
          subject,
          email: typeof payload.email === "string" ? payload.email : null,
          emailVerified: payload.email_verified === true,
        });
        if (!result.ok) throw new AuthenticationError("this sign-in is not linked to an Atelier user");
        user = result.body;
        links.set(linkKey, user, LINK_TTL_MS);
      }
      const identity: Identity = {
        kind: "user",
        userId: user.userId,
        tenantId: user.tenantId ?? null,
        role: user.role ?? null,
        sessionId: null,
        scopes: [],
      };
      return { identity, expiresAt: (payload.exp ?? 0) * 1000 };
    },
  };
}
