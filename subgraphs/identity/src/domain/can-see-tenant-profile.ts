import type { AccountScope } from "../scope";

import { actingTenantOf } from "./acting-tenant-of";

/**
 * A tenant's profile (contacts, CRM id, settings, plan) is visible to its APPROVED members, its
 * API clients holding `identity:read`, and the gateway's system calls. Anyone else — a PENDING, REJECTED or REVOKED
 * membership — sees its name and slug only.
 */
export async function canSeeTenantProfile(scope: AccountScope, tenantId: string): Promise<boolean> {
  const { identity } = scope;
  if (identity.kind === "system") return true;
  if (identity.kind === "apiClient") return actingTenantOf(scope) === tenantId;
  if (identity.kind !== "user") return false;
  const membership = await scope.loaders.membershipOf.load(`${tenantId}:${identity.userId}`);
  return membership?.status === "APPROVED";
}
