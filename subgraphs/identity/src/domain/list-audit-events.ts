import { type PageArgs, pageSize, toConnection } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import {
  type AuditEventRow,
  auditCursor,
  createAccountAuditEventStore,
  createAuditEventStore,
} from "../data/audit-event-store";
import { authorize, requireSignedIn } from "./authorize";
import { userScopeIn } from "./user-scope-in";

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
  const scope = await authorize(ctx, "ADMIN");
  const take = pageSize(input.first);
  const rows = await scope.read((tx) => createAuditEventStore(tx).page({ ...input.filter, take, after: input.after }));
  return toConnection(rows, take, auditCursor);
}

/**
 * The signed-in user's own actions: in the active tenant (read in that tenant's scope) and on
 * their account (events without a tenant, which no tenant scope sees), merged newest first.
 */
export async function listMyActivity(ctx: IdentityContext, input: PageArgs) {
  const { userId, tenantId } = requireSignedIn(ctx);
  const take = pageSize(input.first);
  const query = { actorId: userId, take, after: input.after };
  const [inTenant, onAccount] = await Promise.all([
    tenantId ? userScopeIn(ctx, userId, tenantId).read((tx) => createAuditEventStore(tx).page(query)) : [],
    createAccountAuditEventStore(ctx.services.db).page(query),
  ]);
  const newestFirst = (a: AuditEventRow, b: AuditEventRow) =>
    compareDesc(a.__sortKey, b.__sortKey) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  const rows = [...inTenant, ...onAccount].sort(newestFirst).slice(0, take + 1);
  return toConnection(rows, take, auditCursor);
}

/** Descending order of two non-negative integers written in decimal. */
function compareDesc(a: string, b: string): number {
  if (a.length !== b.length) return b.length - a.length;
  return a < b ? 1 : a > b ? -1 : 0;
}
