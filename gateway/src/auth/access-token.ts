import { type Identity, ROLES, type Role } from "@atelier/internal-auth";
import { createRemoteJWKSet, type JWTPayload } from "jose";
import { type JwtExpectations, verifyJwt } from "./verify-jwt";

/** Verifies the identity subgraph's access tokens against its published JWKS. */
export function createAccessTokenVerifier(opts: JwtExpectations & { jwksUrl: string }) {
  const keys = createRemoteJWKSet(new URL(opts.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  return {
    issuer: opts.issuer,
    async verify(token: string): Promise<{ identity: Identity; expiresAt: number }> {
      const payload = await verifyJwt(token, keys, opts);
      return { identity: userIdentityFrom(payload), expiresAt: (payload.exp ?? 0) * 1000 };
    },
  };
}

function userIdentityFrom(payload: JWTPayload): Identity {
  const role =
    typeof payload.role === "string" && (ROLES as readonly string[]).includes(payload.role) ? payload.role : null;
  return {
    kind: "user",
    userId: String(payload.sub),
    tenantId: typeof payload.tid === "string" ? payload.tid : null,
    role: role as Role | null,
    sessionId: typeof payload.sid === "string" ? payload.sid : null,
    scopes: typeof payload.scope === "string" ? payload.scope.split(" ").filter(Boolean) : [],
  };
}
