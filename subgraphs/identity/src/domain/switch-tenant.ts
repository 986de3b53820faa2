import { ForbiddenError, requireUser, UnauthenticatedError } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import type { AccountScope } from "../scope";
import type { AuthResult } from "./auth-result";
import { authResultFor } from "./auth-result-for";
import { userScopeIn } from "./user-scope-in";

/** A new access token for another tenant; the session remembers it for later refreshes. */
export async function switchTenant(scope: AccountScope, input: { tenantId: string }): Promise<AuthResult> {
  const { userId, sessionId } = requireUser(scope);
  if (!sessionId) throw new UnauthenticatedError("Sign in with Atelier to switch tenants.");
  // The user's own membership, read in the tenant they ask for.
  const inTenant = userScopeIn(scope, userId, input.tenantId);
  const membership = await inTenant.read((tx) => createMembershipStore(tx).approvedOf(userId));
  if (!membership) throw new ForbiddenError("You are not an approved member of that tenant.");
  const result = await inTenant.write(async (tx) => {
    const { count } = await tx.db.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null, rotatedAt: null },
      data: { tenantId: input.tenantId, lastActivityAt: new Date() },
    });
    if (count === 0) throw new UnauthenticatedError("Your session has ended; sign in again.");
    tx.audit({
      action: "session.switch_tenant",
      resourceType: "Session",
      resourceId: sessionId,
      changes: { tenantId: input.tenantId },
    });
    const session = await tx.db.session.findUniqueOrThrow({ where: { id: sessionId } });
    const user = await tx.db.user.findUniqueOrThrow({ where: { id: userId } });
    return { session, user };
  });
  return authResultFor(scope, result.user, result.session, null);
}
