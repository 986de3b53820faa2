import { type Caller, ForbiddenError, requireRole } from "@atelier/subgraph-kit";

/** An ADMIN+ user of the tenant; API clients are refused whatever their scopes (they cannot administer). */
export function requireCreativeAdmin(caller: Caller) {
  const identity = "identity" in caller ? caller.identity : caller;
  if (identity.kind === "apiClient") throw new ForbiddenError("This API client lacks the creative:write scope.");
  return requireRole(caller, "ADMIN");
}
