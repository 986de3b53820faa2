import type { KeyObject } from "node:crypto";
import { decodeJwt, errors, jwtVerify, SignJWT } from "jose";
import type { DelegationScope, Identity } from "./identity";
import { parsePrivateKey, parsePublicKey } from "./keys";

/** Who a service acts for when it calls the gateway on a caller's or a run's behalf. */
export type DelegatedActor =
  | { kind: "user"; userId: string; tenantId: string }
  | { kind: "apiClient"; apiClientId: string; tenantId: string };

/** A verified delegation: the actor, the signing service and the root fields it may call. */
export interface Delegation {
  service: string;
  actor: DelegatedActor;
  /** Root fields such as `Query.semanticSearch`; the gateway refuses any other. */
  fields: string[];
  expiresAt: number;
}

export const DELEGATION_AUDIENCE = "atelier-gateway";
const ISSUER_PREFIX = "atelier-delegation:";
const ALG = "EdDSA";
/** Delegations are minted per call; a long lifetime would only widen a leaked token's window. */
const MAX_TTL_SECONDS = 300;

export class DelegationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DelegationError";
  }
}

export function delegationIssuer(service: string): string {
  return `${ISSUER_PREFIX}${service}`;
}

/** Whether an (unverified) issuer claim names a service delegation. */
export function isDelegationIssuer(issuer: string): boolean {
  return issuer.startsWith(ISSUER_PREFIX);
}

/** The delegation an identity acts under, if a service is acting for it. */
export function delegationOf(identity: Identity): DelegationScope | undefined {
  return identity.kind === "user" || identity.kind === "apiClient" ? identity.delegation : undefined;
}

/** The service named by a token's unverified issuer, or null when the token is not a delegation. */
export function delegationServiceOf(token: string): string | null {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === "string" && iss.startsWith(ISSUER_PREFIX) ? iss.slice(ISSUER_PREFIX.length) : null;
  } catch {
    return null;
  }
}

export interface DelegationSigner {
  readonly service: string;
  sign(request: { actor: DelegatedActor; fields: string[] }): Promise<string>;
}

/** Signs short-lived delegations with a service's own Ed25519 key (the gateway holds its public half). */
export function createDelegationSigner(opts: {
  service: string;
  privateKey: string | KeyObject;
  ttlSeconds?: number;
}): DelegationSigner {
  const key = parsePrivateKey(opts.privateKey);
  const ttl = Math.min(opts.ttlSeconds ?? 60, MAX_TTL_SECONDS);
  return {
    service: opts.service,
    async sign({ actor, fields }) {
      if (fields.length === 0) throw new DelegationError("a delegation must name at least one root field");
      return new SignJWT({ act: actor, fld: fields })
        .setProtectedHeader({ alg: ALG, typ: "delegation+jwt" })
        .setIssuer(delegationIssuer(opts.service))
        .setAudience(DELEGATION_AUDIENCE)
        .setSubject(actor.kind === "user" ? actor.userId : actor.apiClientId)
        .setIssuedAt()
        .setExpirationTime(`${ttl}s`)
        .sign(key);
    },
  };
}

/** Verifies delegations against the public keys of the services allowed to delegate. */
export function createDelegationVerifier(publicKeys: Record<string, string | KeyObject>) {
  const keys = new Map(Object.entries(publicKeys).map(([service, key]) => [service, parsePublicKey(key)]));
  return {
    accepts: (service: string) => keys.has(service),
    async verify(token: string): Promise<Delegation> {
      const service = delegationServiceOf(token);
      const key = service ? keys.get(service) : undefined;
      if (!service || !key) throw new DelegationError("delegation issuer not accepted");
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALG],
          issuer: delegationIssuer(service),
          audience: DELEGATION_AUDIENCE,
          typ: "delegation+jwt",
          requiredClaims: ["exp", "iat", "sub"],
          maxTokenAge: `${MAX_TTL_SECONDS + 5}s`,
          clockTolerance: 5,
        });
        return {
          service,
          actor: actorFrom(payload.act),
          fields: fieldsFrom(payload.fld),
          expiresAt: (payload.exp ?? 0) * 1000,
        };
      } catch (error) {
        if (error instanceof DelegationError) throw error;
        if (error instanceof errors.JOSEError) throw new DelegationError(`invalid delegation: ${error.code}`);
        throw error;
      }
    },
  };
}

function actorFrom(value: unknown): DelegatedActor {
  const actor = value as Partial<Record<string, unknown>> | null;
  if (actor && typeof actor.tenantId === "string") {
    if (actor.kind === "user" && typeof actor.userId === "string") {
      return { kind: "user", userId: actor.userId, tenantId: actor.tenantId };
    }
    if (actor.kind === "apiClient" && typeof actor.apiClientId === "string") {
      return { kind: "apiClient", apiClientId: actor.apiClientId, tenantId: actor.tenantId };
    }
  }
  throw new DelegationError("delegation names no actor");
}

function fieldsFrom(value: unknown): string[] {
  if (Array.isArray(value) && value.length > 0 && value.every((f) => typeof f === "string" && /^\w+\.\w+$/.test(f))) {
    return value as string[];
  }
  throw new DelegationError("delegation names no root fields");
}
