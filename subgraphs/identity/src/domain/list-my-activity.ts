import { type PageArgs, pageSize, toConnection } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import {
  type AuditEventRow,
  auditCursor,
  createAccountAuditEventStore,
  createAuditEventStore,
} from "../data/audit-event-store";
import { requireSignedIn } from "./require-signed-in";
import { userScopeIn } from "./user-scope-in";

/** Descending order of two non-negative integers written in decimal. */
function compareDesc(a: string, b: string): number {
  if (a.length !== b.length) return b.length - a.length;
  return a < b ? 1 : a > b ? -1 : 0;
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
