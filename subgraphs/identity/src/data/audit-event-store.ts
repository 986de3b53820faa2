import type { ScopedTx } from "@atelier/db";
import { decodeKeysetCursor, keysetCursor } from "@atelier/subgraph-kit";
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
  /** created_at as exact epoch microseconds: the cursor's sort key. */
  __sortKey: string;
}

interface AuditQuery {
  /** Null matches only events without a tenant (account-level events). */
  tenantIds: (string | null)[];
  actorId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  action?: string | null;
  take: number;
  after?: string | null;
}

export const auditCursor = keysetCursor;

export type AuditFilter = Omit<AuditQuery, "tenantIds">;

/** The scope's tenant's audit events, newest first. */
export function createAuditEventStore(tx: ScopedTx<Db>) {
  return { page: (filter: AuditFilter) => queryAuditEvents(tx.db, { ...filter, tenantIds: [tx.tenantId] }) };
}

/** Events of no tenant (a user's account: profile, sign-ins, linked accounts); no tenant scope sees them. */
export function createAccountAuditEventStore(db: Db) {
  return { page: (filter: AuditFilter) => queryAuditEvents(db, { ...filter, tenantIds: [null] }) };
}

/** Newest first, keyset-paginated on (created_at, id); served by the audit indexes. */
async function queryAuditEvents(db: Db, q: AuditQuery): Promise<AuditEventRow[]> {
  const after = decodeKeysetCursor(q.after);
  const [afterKey, afterId] = after ? [after.key, after.id] : [null, null];
  const tenants = q.tenantIds.filter((t): t is string => t !== null);
  const includeNoTenant = q.tenantIds.includes(null);
  return db.$queryRaw<AuditEventRow[]>`
    SELECT id, tenant_id AS "tenantId", actor_type AS "actorType", actor_id AS "actorId", action,
           resource_type AS "resourceType", resource_id AS "resourceId", changes,
           request_id AS "requestId", created_at AS "createdAt",
           (extract(epoch from created_at) * 1000000)::bigint::text AS "__sortKey"
    FROM audit.audit_events
    WHERE (tenant_id = ANY(${tenants}::uuid[]) OR (${includeNoTenant} AND tenant_id IS NULL))
      AND (${q.actorId ?? null}::uuid IS NULL OR actor_id = ${q.actorId ?? null}::uuid)
      AND (${q.resourceType ?? null}::text IS NULL OR resource_type = ${q.resourceType ?? null})
      AND (${q.resourceId ?? null}::text IS NULL OR resource_id = ${q.resourceId ?? null})
      AND (${q.action ?? null}::text IS NULL OR action = ${q.action ?? null})
      AND (${afterKey}::bigint IS NULL
           OR (created_at, id) < ('epoch'::timestamptz + ${afterKey}::bigint * interval '1 microsecond', ${afterId}::uuid))
    ORDER BY created_at DESC, id DESC
    LIMIT ${q.take + 1}`;
}
