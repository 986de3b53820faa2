import { recordAuditEvent } from "@atelier/db";
import type { Role } from "@atelier/internal-auth";
import { requireReader, requireRole } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import type { RawDb } from "../data/db";

/** Who acts, reduced to what domain functions need. */
export interface Actor {
  tenantId: string;
  userId: string | null;
  apiClientId: string | null;
  requestId: string;
}

/** A reader of the tenant's data: any member, or an API client of the tenant with `workflows:read`. */
export function readerOf(ctx: Context): Actor {
  const member = requireReader(ctx.identity, "workflows");
  return {
    tenantId: member.tenantId,
    userId: member.kind === "user" ? member.userId : null,
    apiClientId: member.kind === "apiClient" ? member.apiClientId : null,
    requestId: ctx.requestId,
  };
}

/** A user of the tenant with at least `role` (EDITOR for writes, ADMIN for configuration). */
export function writerOf(ctx: Context, role: Role = "EDITOR"): Actor {
  const user = requireRole(ctx.identity, role);
  return { tenantId: user.tenantId, userId: user.userId, apiClientId: null, requestId: ctx.requestId };
}

/** Appends the audit event of a mutation, in the mutation's transaction. */
export function audit(
  tx: RawDb,
  actor: Actor,
  action: string,
  resource: { type: string; id: string },
  changes: Record<string, unknown> = {},
): Promise<void> {
  return recordAuditEvent(tx, {
    tenantId: actor.tenantId,
    actorType: actor.userId ? "USER" : actor.apiClientId ? "API_CLIENT" : "SYSTEM",
    actorId: actor.userId ?? actor.apiClientId,
    action,
    resourceType: resource.type,
    resourceId: resource.id,
    changes,
    requestId: actor.requestId,
  });
}
