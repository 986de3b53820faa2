import {
  createDelegationVerifier,
  type DelegatedActor,
  DelegationError,
  type Identity,
  type Role,
} from "@atelier/internal-auth";
import type { CurrentAccessResolver } from "../access/current-access";
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
  access: CurrentAccessResolver;
}) {
  const verifier = createDelegationVerifier(opts.publicKeys);
  const actors = new TtlCache<ResolvedActor | null>(10_000);
  // A membership notice drops every resolved actor: rare next to lookups, and simpler than an index.
  opts.access.onChange(() => actors.clear());

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
    async authenticate(token: string): Promise<Identity> {
      let verified: Awaited<ReturnType<typeof verifier.verify>>;
      try {
        verified = await verifier.verify(token);
      } catch (error) {
        if (error instanceof DelegationError) throw new AuthenticationError(error.message);
        throw error;
      }
      const { actor, service, fields } = verified;
      const resolved = await resolve(actor);
      if (!resolved) {
        throw new AuthenticationError(`delegation from ${service}: the actor may no longer act in this tenant`);
      }
      const delegation = { service, fields };
      const { tenantId } = actor;
      if (actor.kind === "user") {
        const role = resolved.kind === "user" ? resolved.role : null;
        return { kind: "user", userId: actor.userId, tenantId, role, sessionId: null, scopes: [], delegation };
      }
      const scopes = resolved.kind === "apiClient" ? resolved.scopes : [];
      return { kind: "apiClient", apiClientId: actor.apiClientId, tenantId, scopes, delegation };
    },
  };
}
