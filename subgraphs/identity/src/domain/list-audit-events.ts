import { type PageArgs, pageSize, toConnection } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { auditCursor, queryAuditEvents } from "../data/audit-events";
import { authorize, requireSignedIn } from "./authorize";
import { inTenant } from "./in-tenant";

export interface AuditFeedInput extends PageArgs {
  filter?: {
    actorId?: string | null;
    resourceType?: string | null;
    resourceId?: string | null;
    action?: string | null;
  } | null;
}

/** The active tenant's feed (ADMIN), read under the tenant's RLS as well as its filter. */
export async function listTenantAuditEvents(ctx: IdentityContext, input: AuditFeedInput) {
  const actor = await authorize(ctx, "ADMIN");
  const take = pageSize(input.first);
  const rows = await inTenant(ctx, actor.tenantId, (tx) =>
    queryAuditEvents(tx, { tenantIds: [actor.tenantId], ...input.filter, take, after: input.after }),
  );
  return toConnection(rows, take, auditCursor);
}

/** The signed-in user's own actions: in the active tenant and on their account (no tenant). */
export async function listMyActivity(ctx: IdentityContext, input: PageArgs) {
  const { userId, tenantId } = requireSignedIn(ctx);
  const take = pageSize(input.first);
  const rows = await queryAuditEvents(ctx.services.db, {
    tenantIds: tenantId ? [tenantId, null] : [null],
    actorId: userId,
    take,
    after: input.after,
  });
  return toConnection(rows, take, auditCursor);
}
