import type { ScopeActor } from "@atelier/db";
import type { DelegatedActor, DelegationScope, Identity, Role } from "@atelier/internal-auth";
import { requireTenantMember } from "./guards";

/**
 * The one actor of every subgraph: who acts, in which tenant, with which role and scopes, as the
 * gateway verified it (the role is the current membership's, never the token's). Tenant scopes
 * are built from it; guards check it.
 */
export interface Actor extends ScopeActor {
  readonly identity: Identity;
  readonly kind: "user" | "apiClient" | "system";
  readonly userId: string | null;
  readonly apiClientId: string | null;
  /** The user's role in the tenant; null for API clients and the system. */
  readonly role: Role | null;
  readonly scopes: readonly string[];
  /** Set when a service acts for this actor (a workflow run, an ingestion). */
  readonly delegation: DelegationScope | null;
}

/** The actor of a tenant member or API client; FORBIDDEN/UNAUTHENTICATED for anyone else. */
export function tenantActor(identity: Identity, requestId: string | null): Actor {
  const member = requireTenantMember(identity);
  if (member.kind === "apiClient") {
    return {
      identity,
      kind: "apiClient",
      tenantId: member.tenantId,
      actorType: "API_CLIENT",
      actorId: member.apiClientId,
      userId: null,
      apiClientId: member.apiClientId,
      role: null,
      scopes: member.scopes,
      delegation: member.delegation ?? null,
      requestId,
    };
  }
  return {
    identity,
    kind: "user",
    tenantId: member.tenantId,
    actorType: "USER",
    actorId: member.userId,
    userId: member.userId,
    apiClientId: null,
    role: member.role,
    scopes: member.scopes,
    delegation: member.delegation ?? null,
    requestId,
  };
}

/** A service acting on its own inside a tenant (a worker step with no user behind it, a sweep). */
export function systemActor(tenantId: string, service: string, requestId: string | null = null): Actor {
  return {
    identity: { kind: "system", service },
    kind: "system",
    tenantId,
    actorType: "SYSTEM",
    actorId: null,
    userId: null,
    apiClientId: null,
    role: null,
    scopes: [],
    delegation: null,
    requestId,
  };
}

/** The actor as a delegation names it, when a subgraph calls another through the gateway for them. */
export function delegatedActorOf(actor: Actor): DelegatedActor {
  if (actor.kind === "apiClient")
    return { kind: "apiClient", apiClientId: actor.apiClientId!, tenantId: actor.tenantId };
  if (actor.kind === "user") return { kind: "user", userId: actor.userId!, tenantId: actor.tenantId };
  throw new Error("the system acts for no one: it cannot delegate");
}
