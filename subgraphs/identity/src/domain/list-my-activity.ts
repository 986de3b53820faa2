import { type PageArgs, pageSize, requireUser, toConnection } from "@atelier/subgraph-kit";
import {
  type AuditEventRow,
  auditCursor,
  createAccountAuditEventStore,
  createAuditEventStore,
} from "../data/audit-event-store";
import type { AccountScope } from "../scope";
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
export async function listMyActivity(scope: AccountScope, input: PageArgs) {
  const { userId, tenantId } = requireUser(scope);
  const take = pageSize(input.first);
  const query = { actorId: userId, take, after: input.after };
  const [inTenant, onAccount] = await Promise.all([
    tenantId ? userScopeIn(scope, userId, tenantId).read((tx) => createAuditEventStore(tx).page(query)) : [],
    createAccountAuditEventStore(scope.services.db).page(query),
  ]);
  const newestFirst = (a: AuditEventRow, b: AuditEventRow) =>
    compareDesc(a.__sortKey, b.__sortKey) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  const rows = [...inTenant, ...onAccount].sort(newestFirst).slice(0, take + 1);
  return toConnection(rows, take, auditCursor);
}
