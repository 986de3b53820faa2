import { type Identity, type Role, roleAtLeast, type ScopedArea, scopeAllows } from "@atelier/internal-auth";
import { ForbiddenError, UnauthenticatedError } from "./errors";

export type UserIdentity = Extract<Identity, { kind: "user" }>;
export type TenantIdentity = (UserIdentity & { tenantId: string }) | Extract<Identity, { kind: "apiClient" }>;

/** Guards take the verified identity, or an actor built from it (they check the same thing). */
export type Caller = Identity | { readonly identity: Identity };

function identityOf(caller: Caller): Identity {
  return "identity" in caller ? caller.identity : caller;
}

export function requireUser(caller: Caller): UserIdentity {
  const identity = identityOf(caller);
  // An API client is authenticated: what it lacks is the right, not credentials.
  if (identity.kind === "apiClient") throw new ForbiddenError("API clients cannot do this; sign in as a user.");
  if (identity.kind !== "user") throw new UnauthenticatedError();
  return identity;
}

/**
 * A caller acting inside a tenant: a user with an active tenant and a role in it, or an API client.
 * The gateway forwards the role of the user's current APPROVED membership, never the token's: a
 * user without one arrives with neither tenant nor role.
 */
export function requireTenantMember(caller: Caller): TenantIdentity {
  const identity = identityOf(caller);
  if (identity.kind === "apiClient") return identity;
  const user = requireUser(identity);
  if (!user.tenantId || !user.role) throw new ForbiddenError("Choose a tenant first (switchTenant), or join one.");
  return user as UserIdentity & { tenantId: string };
}

/** A reader of an area's data: any member of the active tenant, or an API client holding `<area>:read` (or `:write`). */
export function requireReader(caller: Caller, area: ScopedArea): TenantIdentity {
  const member = requireTenantMember(caller);
  if (member.kind === "apiClient" && !scopeAllows(member.scopes, area, "read")) {
    throw new ForbiddenError(`This API client lacks the ${area}:read scope.`);
  }
  return member;
}

/** A writer of an area's data: an EDITOR (or stronger) user, or an API client holding `<area>:write`. */
export function requireWriter(caller: Caller, area: ScopedArea): TenantIdentity {
  const member = requireTenantMember(caller);
  if (member.kind === "apiClient") {
    if (!scopeAllows(member.scopes, area, "write"))
      throw new ForbiddenError(`This API client lacks the ${area}:write scope.`);
    return member;
  }
  return requireRole(member, "EDITOR");
}

/** A user of the active tenant holding at least `role` (OWNER > ADMIN > EDITOR > VIEWER). */
export function requireRole(caller: Caller, role: Role): UserIdentity & { tenantId: string } {
  const member = requireTenantMember(caller);
  if (member.kind !== "user") throw new ForbiddenError("API clients cannot do this.");
  if (!roleAtLeast(member.role, role)) throw new ForbiddenError(`This needs the ${role} role or higher.`);
  return member;
}
