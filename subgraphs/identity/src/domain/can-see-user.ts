import type { AccountScope } from "../scope";

import { actingTenantOf } from "./acting-tenant-of";

/**
 * A user's profile is visible to themselves, to the gateway's system calls, and to callers
 * acting in a tenant where that user is an APPROVED member. A pending invitation or request,
 * a rejection or a revocation shows nothing of the account: an inviter must not learn who owns
 * the address they typed, or whether an account existed before the invitation.
 */
export async function canSeeUser(scope: AccountScope, userId: string): Promise<boolean> {
  const { identity } = scope;
  if (identity.kind === "system") return true;
  if (identity.kind === "user" && identity.userId === userId) return true;
  const tenantId = actingTenantOf(scope);
  if (!tenantId) return false;
  const membership = await scope.loaders.membershipOf.load(`${tenantId}:${userId}`);
  return membership?.status === "APPROVED";
}
