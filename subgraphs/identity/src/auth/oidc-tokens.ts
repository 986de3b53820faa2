import { createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { OidcIssuerConfig } from "../config";

export interface VerifiedIdToken {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  picture: string | null;
}

export interface OidcTokenVerifier {
  /** Resolves the verified claims, or null when the token is invalid or its issuer not configured. */
  verify(idToken: string): Promise<VerifiedIdToken | null>;
}

export function createOidcTokenVerifier(issuers: OidcIssuerConfig[]): OidcTokenVerifier {
  const byIssuer = new Map<string, { config: OidcIssuerConfig; keys: JWTVerifyGetKey }>();
  for (const config of issuers) {
    byIssuer.set(config.issuer, { config, keys: createRemoteJWKSet(new URL(config.jwksUri)) });
  }
  return {
    async verify(idToken) {
      let issuer: string | undefined;
      try {
        issuer = decodeJwt(idToken).iss;
      } catch {
        return null;
      }
      const entry = issuer ? byIssuer.get(issuer) : undefined;
      if (!entry) return null;
      try {
        const { payload } = await jwtVerify(idToken, entry.keys, {
          issuer: entry.config.issuer,
          audience: entry.config.audience,
          algorithms: ["RS256", "ES256", "EdDSA"],
          requiredClaims: ["sub", "exp"],
          clockTolerance: 5,
        });
        return {
          issuer: entry.config.issuer,
          subject: String(payload.sub),
          email: typeof payload.email === "string" ? payload.email.toLowerCase() : null,
          emailVerified: payload.email_verified === true || payload.email_verified === "true",
          name: typeof payload.name === "string" ? payload.name : null,
          picture: typeof payload.picture === "string" ? payload.picture : null,
        };
      } catch {
        return null;
      }
    },
  };
}
