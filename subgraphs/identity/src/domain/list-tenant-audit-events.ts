import { type PageArgs, pageSize, requireRole, toConnection } from "@atelier/subgraph-kit";
import { auditCursor, createAuditEventStore } from "../data/audit-event-store";
import type { MemberScope } from "../scope";

export interface AuditFeedInput extends PageArgs {
  filter?: {
    actorId?: string | null;
    resourceType?: string | null;
    resourceId?: string | null;
    action?: string | null;
  } | null;
}

/** The active tenant's feed (ADMIN), read under the tenant's RLS as well as its filter. */
export async function listTenantAuditEvents(scope: MemberScope, input: AuditFeedInput) {
  requireRole(scope.actor, "ADMIN");
  const take = pageSize(input.first);
  const rows = await scope.read((tx) => createAuditEventStore(tx).page({ ...input.filter, take, after: input.after }));
  return toConnection(rows, take, auditCursor);
}
