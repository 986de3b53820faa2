import { type AuditActorType, recordAuditEvent } from "@atelier/db";
import type { Identity } from "@atelier/internal-auth";
import type { Db } from "../data/db";
import type { AccountScope } from "../scope";

function actorOf(identity: Identity): { actorType: AuditActorType; actorId: string | null } {
  if (identity.kind === "user") return { actorType: "USER", actorId: identity.userId };
  if (identity.kind === "apiClient") return { actorType: "API_CLIENT", actorId: identity.apiClientId };
  return { actorType: "SYSTEM", actorId: null };
}

export interface AuditInput {
  tenantId: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  changes?: Record<string, unknown>;
  /** For public operations, where the actor is the user being signed in, not the caller. */
  actorUserId?: string;
}

/** Records the change in the caller's transaction, with the request's actor and id. */
export async function recordAudit(tx: Db, scope: AccountScope, event: AuditInput): Promise<void> {
  const actor = event.actorUserId
    ? { actorType: "USER" as const, actorId: event.actorUserId }
    : actorOf(scope.identity);
  await recordAuditEvent(tx, {
    tenantId: event.tenantId,
    ...actor,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    changes: event.changes ?? {},
    requestId: scope.requestId,
  });
}
