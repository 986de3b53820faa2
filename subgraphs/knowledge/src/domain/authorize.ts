import type { AuditActorType } from "@atelier/db";
import type { DelegatedActor, Identity } from "@atelier/internal-auth";
import { ForbiddenError, requireReader, requireRole } from "@atelier/subgraph-kit";

export interface Actor {
  tenantId: string;
  actorType: AuditActorType;
  actorId: string;
  userId: string | null;
}

/** Any member of the active tenant (VIEWER and up), or an API client with `knowledge:read` (or `:write`), may read. */
export function readerTenant(identity: Identity): string {
  return requireReader(identity, "knowledge").tenantId;
}

/** EDITOR and up change documents; an API client needs the `knowledge:write` scope. */
export function writer(identity: Identity): Actor {
  if (identity.kind === "apiClient") {
    if (!identity.scopes.includes("knowledge:write"))
      throw new ForbiddenError("This API client lacks the knowledge:write scope.");
    return { tenantId: identity.tenantId, actorType: "API_CLIENT", actorId: identity.apiClientId, userId: null };
  }
  const user = requireRole(identity, "EDITOR");
  return { tenantId: user.tenantId, actorType: "USER", actorId: user.userId, userId: user.userId };
}

/** The actor as the gateway's delegations name it: knowledge reads creative Assets as them. */
export function delegatedActor(actor: Actor): DelegatedActor {
  return actor.actorType === "API_CLIENT"
    ? { kind: "apiClient", apiClientId: actor.actorId, tenantId: actor.tenantId }
    : { kind: "user", userId: actor.actorId, tenantId: actor.tenantId };
}
