import { decodeCursor, encodeCursor } from "@atelier/subgraph-kit";
import type { Db } from "./db";

export interface AuditEventRow {
  id: string;
  tenantId: string | null;
  actorType: "USER" | "API_CLIENT" | "SYSTEM";
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  changes: unknown;
  requestId: string | null;
  createdAt: Date;
  /** created_at as Postgres renders it, microseconds included, for exact cursors. */
  createdAtText: string;
}

export interface AuditQuery {
  /** Null matches only events without a tenant (account-level events). */
  tenantIds: (string | null)[];
  actorId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  action?: string | null;
  take: number;
  after?: string | null;
}

export const auditCursor = (row: AuditEventRow) => encodeCursor([row.createdAtText, row.id]);

/** Newest first, keyset-paginated on (created_at, id); served by the audit indexes. */
export async function queryAuditEvents(db: Db, q: AuditQuery): Promise<AuditEventRow[]> {
  const [afterAt, afterId] = q.after ? decodeCursor(q.after, 2) : [null, null];
  const tenants = q.tenantIds.filter((t): t is string => t !== null);
  const includeNoTenant = q.tenantIds.includes(null);
  return db.$queryRaw<AuditEventRow[]>`
    SELECT id, tenant_id AS "tenantId", actor_type AS "actorType", actor_id AS "actorId", action,
           resource_type AS "resourceType", resource_id AS "resourceId", changes,
           request_id AS "requestId", created_at AS "createdAt", created_at::text AS "createdAtText"
    FROM audit.audit_events
    WHERE (tenant_id = ANY(${tenants}::uuid[]) OR (${includeNoTenant} AND tenant_id IS NULL))
      AND (${q.actorId ?? null}::uuid IS NULL OR actor_id = ${q.actorId ?? null}::uuid)
      AND (${q.resourceType ?? null}::text IS NULL OR resource_type = ${q.resourceType ?? null})
      AND (${q.resourceId ?? null}::text IS NULL OR resource_id = ${q.resourceId ?? null})
      AND (${q.action ?? null}::text IS NULL OR action = ${q.action ?? null})
      AND (${afterAt}::timestamptz IS NULL OR (created_at, id) < (${afterAt}::timestamptz, ${afterId}::uuid))
    ORDER BY created_at DESC, id DESC
    LIMIT ${q.take + 1}`;
}
