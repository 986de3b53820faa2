import type { Role } from "@atelier/internal-auth";
import { jwtVerify, SignJWT } from "jose";
import type { SigningKey } from "./signing-key";

export interface AccessTokenClaims {
  userId: string;
  tenantId: string | null;
  role: Role | null;
  sessionId: string;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export interface TokenIssuer {
  issueAccessToken(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
  /** A short-lived token proving the password step of an MFA login. */
  issueMfaToken(userId: string): Promise<string>;
  verifyMfaToken(token: string): Promise<string | null>;
  jwks(): { keys: object[] };
}

const MFA_AUDIENCE = "atelier-identity-mfa";
const MFA_TTL_SECONDS = 300;

export function createTokenIssuer(opts: {
  key: SigningKey;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}): TokenIssuer {
  const { key } = opts;
  return {
    async issueAccessToken(claims) {
      const expiresAt = new Date(Date.now() + opts.ttlSeconds * 1000);
      const payload: Record<string, unknown> = { sid: claims.sessionId };
      if (claims.tenantId) payload.tid = claims.tenantId;
      if (claims.role) payload.role = claims.role;
      const token = await new SignJWT(payload)
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
        .setIssuer(opts.issuer)
        .setAudience(opts.audience)
        .setSubject(claims.userId)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key.privateKey);
      return { token, expiresAt };
    },
    async issueMfaToken(userId) {
      return new SignJWT({})
        .setProtectedHeader({ alg: key.alg, kid: key.kid })
        .setIssuer(opts.issuer)
        .setAudience(MFA_AUDIENCE)
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(`${MFA_TTL_SECONDS}s`)
        .sign(key.privateKey);
    },
    async verifyMfaToken(token) {
      try {
        const { payload } = await jwtVerify(token, key.publicKey, {
          algorithms: [key.alg],
          issuer: opts.issuer,
          audience: MFA_AUDIENCE,
        });
        return typeof payload.sub === "string" ? payload.sub : null;
      } catch {
        return null;
      }
    },
    jwks: () => ({ keys: [key.publicJwk] }),
  };
}
