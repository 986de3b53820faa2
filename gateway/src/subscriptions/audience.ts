import type { Identity } from "@atelier/internal-auth";

/** Who may share a read with whom: the identity itself, or its tenant and role when the field allows. */
export function audienceKey(identity: Identity, audience: "identity" | "tenant-role"): string {
  if (audience === "tenant-role" && identity.kind === "user") {
    return JSON.stringify(["user", identity.tenantId, identity.role, [...identity.scopes].sort()]);
  }
  if (audience === "tenant-role" && identity.kind === "apiClient") {
    return JSON.stringify(["apiClient", identity.tenantId, [...identity.scopes].sort()]);
  }
  return JSON.stringify(identity);
}
