/** Roles inside a tenant, strongest first. */
export const ROLES = ["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

/** A service acting for someone, limited to the root fields it named. */
export interface DelegationScope {
  service: string;
  fields: string[];
}

/** Who is calling, as verified by the gateway and forwarded to subgraphs. */
export type Identity =
  | {
      kind: "user";
      userId: string;
      /** The active tenant, null for a user with no approved membership yet. */
      tenantId: string | null;
      role: Role | null;
      sessionId: string | null;
      scopes: string[];
      /** Set when a service acts for this user (a workflow run, an ingestion). */
      delegation?: DelegationScope;
    }
  | { kind: "apiClient"; apiClientId: string; tenantId: string; scopes: string[]; delegation?: DelegationScope }
  /** A gateway-internal call (API-key or OIDC resolution), never a client's. */
  | { kind: "system"; service: string }
  | { kind: "anonymous" };

export const ANONYMOUS: Identity = { kind: "anonymous" };

/** True when `role` is at least `required` (OWNER > ADMIN > EDITOR > VIEWER). */
export function roleAtLeast(role: Role | null | undefined, required: Role): boolean {
  if (!role) return false;
  return ROLES.indexOf(role) <= ROLES.indexOf(required);
}
