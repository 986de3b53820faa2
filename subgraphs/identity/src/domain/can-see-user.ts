import type { IdentityContext } from "../context";

/**
 * A user is visible to themselves, to the gateway's system calls, and to callers acting in a
 * tenant where that user has a membership (any status: admins see who asked to join).
 */
export async function canSeeUser(ctx: IdentityContext, userId: string): Promise<boolean> {
  const { identity } = ctx;
  if (identity.kind === "system") return true;
  if (identity.kind === "user" && identity.userId === userId) return true;
  const tenantId = identity.kind === "user" || identity.kind === "apiClient" ? identity.tenantId : null;
  if (!tenantId) return false;
  return (await ctx.loaders.membershipOf.load(`${tenantId}:${userId}`)) !== null;
}
