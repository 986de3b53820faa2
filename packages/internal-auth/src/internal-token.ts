import type { KeyObject } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import type { Identity } from "./identity";
import { parsePrivateKey, parsePublicKey } from "./keys";

/** The header carrying the gateway-signed identity to subgraphs. */
export const IDENTITY_HEADER = "x-atelier-identity";
/** The end client's address and user agent as the gateway saw them (subgraphs see only the gateway). */
export const CLIENT_IP_HEADER = "x-atelier-client-ip";
export const CLIENT_USER_AGENT_HEADER = "x-atelier-client-user-agent";
export const INTERNAL_ISSUER = "atelier-gateway";
export const INTERNAL_AUDIENCE = "atelier-subgraph";
const ALG = "EdDSA";

export class InternalTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InternalTokenError";
  }
}

export interface InternalTokenSigner {
  sign(identity: Identity): Promise<string>;
}

/**
 * Signs identities for subgraphs. Tokens are cached per identity for half their lifetime:
 * signing on every subgraph fetch would cost more than the fetch itself.
 */
export function createInternalTokenSigner(opts: {
  privateKey: string | KeyObject;
  ttlSeconds?: number;
}): InternalTokenSigner {
  const key = parsePrivateKey(opts.privateKey);
  const ttl = opts.ttlSeconds ?? 60;
  const cache = new Map<string, { token: string; renewAt: number }>();
  return {
    async sign(identity) {
      const cacheKey = JSON.stringify(identity);
      const now = Date.now();
      const hit = cache.get(cacheKey);
      if (hit && hit.renewAt > now) return hit.token;
      const token = await new SignJWT({ idn: identity })
        .setProtectedHeader({ alg: ALG, typ: "JWT" })
        .setIssuer(INTERNAL_ISSUER)
        .setAudience(INTERNAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttl}s`)
        .sign(key);
      if (cache.size > 10_000) cache.clear();
      cache.set(cacheKey, { token, renewAt: now + (ttl * 1000) / 2 });
      return token;
    },
  };
}

export interface InternalTokenVerifier {
  /** Resolves the forwarded identity, or throws InternalTokenError. */
  verify(token: string | undefined | null): Promise<Identity>;
}

export function createInternalTokenVerifier(opts: { publicKey: string | KeyObject }): InternalTokenVerifier {
  const key = parsePublicKey(opts.publicKey);
  const cache = new Map<string, { identity: Identity; exp: number }>();
  return {
    async verify(token) {
      if (!token) throw new InternalTokenError("missing gateway identity token");
      const hit = cache.get(token);
      if (hit && hit.exp > Date.now()) return hit.identity;
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALG],
          issuer: INTERNAL_ISSUER,
          audience: INTERNAL_AUDIENCE,
          requiredClaims: ["exp", "iat"],
          clockTolerance: 5,
        });
        const identity = payload.idn as Identity | undefined;
        if (!identity || typeof identity !== "object" || !("kind" in identity)) {
          throw new InternalTokenError("gateway identity token carries no identity");
        }
        if (cache.size > 10_000) cache.clear();
        cache.set(token, { identity, exp: (payload.exp as number) * 1000 });
        return identity;
      } catch (error) {
        if (error instanceof InternalTokenError) throw error;
        if (error instanceof errors.JOSEError)
          throw new InternalTokenError(`invalid gateway identity token: ${error.code}`);
        throw error;
      }
    },
  };
}
