import { scopeAllows } from "@atelier/internal-auth";
import type { AccountScope } from "../scope";

/** The tenant the caller reads in, if any: a user's active tenant, or an API client's with `identity:read`. */
export function actingTenantOf(scope: AccountScope): string | null {
  const { identity } = scope;
  if (identity.kind === "apiClient") return scopeAllows(identity.scopes, "identity", "read") ? identity.tenantId : null;
  return identity.kind === "user" ? identity.tenantId : null;
}
