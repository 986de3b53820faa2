import type { IdentityContext } from "../context";

import { actingTenantOf } from "./acting-tenant-of";

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
