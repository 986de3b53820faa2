import { type Identity, type Role, roleAtLeast, type ScopedArea, scopeAllows } from "@atelier/internal-auth";
import { ForbiddenError, UnauthenticatedError } from "./errors";

export type UserIdentity = Extract<Identity, { kind: "user" }>;
export type TenantIdentity = (UserIdentity & { tenantId: string }) | Extract<Identity, { kind: "apiClient" }>;

export function requireUser(identity: Identity): UserIdentity {
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
export function requireTenantMember(identity: Identity): TenantIdentity {
  if (identity.kind === "apiClient") return identity;
  const user = requireUser(identity);
  if (!user.tenantId || !user.role) throw new ForbiddenError("Choose a tenant first (switchTenant), or join one.");
  return user as UserIdentity & { tenantId: string };
}

/** A reader of an area's data: any member of the active tenant, or an API client holding `<area>:read` (or `:write`). */
export function requireReader(identity: Identity, area: ScopedArea): TenantIdentity {
  const member = requireTenantMember(identity);
  if (member.kind === "apiClient" && !scopeAllows(member.scopes, area, "read")) {
    throw new ForbiddenError(`This API client lacks the ${area}:read scope.`);
  }
  return member;
}

/** A user of the active tenant holding at least `role` (OWNER > ADMIN > EDITOR > VIEWER). */
export function requireRole(identity: Identity, role: Role): UserIdentity & { tenantId: string } {
  const member = requireTenantMember(identity);
  if (member.kind !== "user") throw new ForbiddenError("API clients cannot do this.");
  if (!roleAtLeast(member.role, role)) throw new ForbiddenError(`This needs the ${role} role or higher.`);
  return member;
}
