import { scopeAllows } from "@atelier/internal-auth";
import type { IdentityContext } from "../context";

/** The tenant the caller reads in, if any: a user's active tenant, or an API client's with `identity:read`. */
function actingTenantOf(ctx: IdentityContext): string | null {
  const { identity } = ctx;
  if (identity.kind === "apiClient") return scopeAllows(identity.scopes, "identity", "read") ? identity.tenantId : null;
  return identity.kind === "user" ? identity.tenantId : null;
}

/**
 * A user's profile is visible to themselves, to the gateway's system calls, and to callers
 * acting in a tenant where that user is an APPROVED member. A pending invitation or request,
 * a rejection or a revocation shows nothing of the account: an inviter must not learn who owns
 * the address they typed, or whether an account existed before the invitation.
 */
export async function canSeeUser(ctx: IdentityContext, userId: string): Promise<boolean> {
  const { identity } = ctx;
  if (identity.kind === "system") return true;
  if (identity.kind === "user" && identity.userId === userId) return true;
  const tenantId = actingTenantOf(ctx);
  if (!tenantId) return false;
  const membership = await ctx.loaders.membershipOf.load(`${tenantId}:${userId}`);
  return membership?.status === "APPROVED";
}

/**
 * A tenant's profile (contacts, CRM id, settings, plan) is visible to its APPROVED members, its
 * API clients holding `identity:read`, and the gateway's system calls. Anyone else — a PENDING, REJECTED or REVOKED
 * membership — sees its name and slug only.
 */
export async function canSeeTenantProfile(ctx: IdentityContext, tenantId: string): Promise<boolean> {
  const { identity } = ctx;
  if (identity.kind === "system") return true;
  if (identity.kind === "apiClient") return actingTenantOf(ctx) === tenantId;
  if (identity.kind !== "user") return false;
  const membership = await ctx.loaders.membershipOf.load(`${tenantId}:${identity.userId}`);
  return membership?.status === "APPROVED";
}
