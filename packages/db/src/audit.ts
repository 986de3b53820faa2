import type { RawExecutor } from "./tenant-scope";

export type AuditActorType = "USER" | "API_CLIENT" | "SYSTEM";

export interface AuditEventInput {
  tenantId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  /** `<resource>.<verb>`, e.g. `membership.approve`. */
  action: string;
  resourceType: string;
  resourceId: string;
  /** A summary of what changed; never secrets. */
  changes?: Record<string, unknown> | null;
  requestId?: string | null;
}

/**
 * Appends an audit event. Call it with the transaction client of the change it records, so
 * the event commits or rolls back with it.
 */
export async function recordAuditEvent(tx: Pick<RawExecutor, "$executeRaw">, event: AuditEventInput): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO audit.audit_events
      (tenant_id, actor_type, actor_id, action, resource_type, resource_id, changes, request_id)
    VALUES (${event.tenantId}::uuid, ${event.actorType}, ${event.actorId}::uuid, ${event.action},
            ${event.resourceType}, ${event.resourceId}, ${JSON.stringify(event.changes ?? {})}::jsonb,
            ${event.requestId ?? null})`;
}
