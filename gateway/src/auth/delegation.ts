import {
  createDelegationVerifier,
  type DelegatedActor,
  DelegationError,
  type Identity,
  type Role,
} from "@atelier/internal-auth";
import { AuthenticationError } from "./authentication-error";
import type { IdentityInternalClient } from "./identity-internal-client";
import { TtlCache } from "./ttl-cache";

/** A removed member's runs stop acting for them within this long. */
const RESOLVED_ACTOR_TTL_MS = 15_000;
const UNKNOWN_ACTOR_TTL_MS = 5_000;

type ResolvedActor = { kind: "user"; role: Role } | { kind: "apiClient"; scopes: string[] };

/**
 * Verifies a service's delegation, then asks identity what the actor may do now: the token names
 * who and which root fields, never the role, so a stale run cannot carry a role its user lost.
 */
export function createDelegationAuthenticator(opts: {
  publicKeys: Record<string, string>;
  identity: IdentityInternalClient;
}) {
  const verifier = createDelegationVerifier(opts.publicKeys);
  const actors = new TtlCache<ResolvedActor | null>(10_000);

  async function resolve(actor: DelegatedActor): Promise<ResolvedActor | null> {
    const key = JSON.stringify(actor);
    let resolved = actors.get(key);
    if (resolved === undefined) {
      const result = await opts.identity.post<ResolvedActor>("/internal/delegations/resolve", { actor });
      resolved = result.ok ? result.body : null;
      actors.set(key, resolved, resolved ? RESOLVED_ACTOR_TTL_MS : UNKNOWN_ACTOR_TTL_MS);
    }
    return resolved;
  }

  return {
    accepts: (service: string) => verifier.accepts(service),
    async authenticate(token: string): Promise<Identity> {
      let delegation: Awaited<ReturnType<typeof verifier.verify>>;
      try {
        delegation = await verifier.verify(token);
      } catch (error) {
        if (error instanceof DelegationError) throw new AuthenticationError(error.message);
        throw error;
      }
      const { actor, service, fields } = delegation;
      const resolved = await resolve(actor);
      if (!resolved || resolved.kind !== actor.kind) {
        throw new AuthenticationError(`delegation from ${service}: the actor may no longer act in this tenant`);
      }
      const scope = { service, fields };
      return actor.kind === "user" && resolved.kind === "user"
        ? {
            kind: "user",
            userId: actor.userId,
            tenantId: actor.tenantId,
            role: resolved.role,
            sessionId: null,
            scopes: [],
            delegation: scope,
          }
        : {
            kind: "apiClient",
            apiClientId: (actor as { apiClientId: string }).apiClientId,
            tenantId: actor.tenantId,
            scopes: resolved.kind === "apiClient" ? resolved.scopes : [],
            delegation: scope,
          };
    },
  };
}
