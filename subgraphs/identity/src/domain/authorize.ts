import { ForbiddenError, requireUser, tenantActor } from "@atelier/subgraph-kit";
import type { AccountScope, MemberScope } from "../scope";
import { identityScope, type MemberActor } from "./identity-scope";

/**
 * The way to a member's tenant scope (`ctx.memberScope()`, once per request). The role comes from
 * the APPROVED membership as stored now, not from the access token, so a demotion or revocation
 * takes effect at once; the scope's actor carries that role, and each member operation checks it
 * with `requireRole(scope.actor, …)` on its first line.
 */
export async function authorize(account: AccountScope): Promise<MemberScope> {
  const user = requireUser(account);
  if (!user.tenantId) throw new ForbiddenError("Choose a tenant first (switchTenant), or join one.");
  const membership = await account.loaders.membershipOf.load(`${user.tenantId}:${user.userId}`);
  if (membership?.status !== "APPROVED") throw new ForbiddenError("You are not a member of this tenant.");
  const tenant = await account.loaders.tenantById.load(user.tenantId);
  if (tenant?.status !== "ACTIVE") throw new ForbiddenError("This tenant is suspended or archived.");
  const actor = tenantActor({ ...user, role: membership.role }, account.requestId) as MemberActor;
  return { ...identityScope(account.services, actor), services: account.services, requestId: account.requestId };
}
