import { createHash, type KeyObject } from "node:crypto";
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
// A token carries one identity or a per-viewer request's digest, never both: neither passes for the other.
const IDENTITY_CLAIM = "idn";
const VIEWERS_CLAIM = "idns";
const isIdentity = (value: unknown): value is Identity =>
  typeof value === "object" && value !== null && "kind" in value;

export class InternalTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InternalTokenError";
  }
}

/**
 * A per-viewer request's credentials (per-viewer.ts): the viewers' identities in order as JSON, and
 * one token over that text's digest. A token over the identities themselves would be as sound, but
 * signing and encoding a hundred identities costs a hundred times the digest.
 */
export interface SignedViewers {
  identities: string;
  token: string;
}

export interface InternalTokenSigner {
  sign(identity: Identity): Promise<string>;
  signViewers(identities: Identity[]): Promise<SignedViewers>;
}

const digestOf = (text: string) => createHash("sha256").update(text).digest("base64url");

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
  const signed = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, typ: "JWT" })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .sign(key);
  return {
    // Never cached: the set of viewers read together changes with every wake.
    async signViewers(identities) {
      const text = JSON.stringify(identities);
      return { identities: text, token: await signed({ [VIEWERS_CLAIM]: digestOf(text) }) };
    },
    async sign(identity) {
      const cacheKey = JSON.stringify(identity);
      const now = Date.now();
      const hit = cache.get(cacheKey);
      if (hit && hit.renewAt > now) return hit.token;
      const token = await signed({ [IDENTITY_CLAIM]: identity });
      if (cache.size > 10_000) cache.clear();
      cache.set(cacheKey, { token, renewAt: now + (ttl * 1000) / 2 });
      return token;
    },
  };
}

export interface InternalTokenVerifier {
  /** Resolves the forwarded identity, or throws InternalTokenError. */
  verify(token: string | undefined | null): Promise<Identity>;
  /** Resolves a per-viewer request's identities in order, or throws InternalTokenError. */
  verifyViewers(viewers: SignedViewers): Promise<Identity[]>;
}

export function createInternalTokenVerifier(opts: { publicKey: string | KeyObject }): InternalTokenVerifier {
  const key = parsePublicKey(opts.publicKey);
  const cache = new Map<string, { identity: Identity; exp: number }>();

  async function claimsOf(token: string | undefined | null) {
    if (!token) throw new InternalTokenError("missing gateway identity token");
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [ALG],
        issuer: INTERNAL_ISSUER,
        audience: INTERNAL_AUDIENCE,
        requiredClaims: ["exp", "iat"],
        clockTolerance: 5,
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError)
        throw new InternalTokenError(`invalid gateway identity token: ${error.code}`);
      throw error;
    }
  }

  return {
    async verify(token) {
      const hit = token ? cache.get(token) : undefined;
      if (hit && hit.exp > Date.now()) return hit.identity;
      const payload = await claimsOf(token);
      const identity = payload[IDENTITY_CLAIM];
      if (!isIdentity(identity)) throw new InternalTokenError("gateway identity token carries no identity");
      if (cache.size > 10_000) cache.clear();
      cache.set(token as string, { identity, exp: (payload.exp as number) * 1000 });
      return identity;
    },
    async verifyViewers(viewers) {
      const digest = (await claimsOf(viewers.token))[VIEWERS_CLAIM];
      if (typeof digest !== "string" || digest !== digestOf(viewers.identities))
        throw new InternalTokenError("gateway viewers token is not for these identities");
      let identities: unknown;
      try {
        identities = JSON.parse(viewers.identities);
      } catch {
        throw new InternalTokenError("gateway viewers are not JSON");
      }
      if (!Array.isArray(identities) || identities.length === 0 || !identities.every(isIdentity))
        throw new InternalTokenError("gateway viewers token carries no identities");
      return identities;
    },
  };
}
