import { crossTenant, recordAuditEvent } from "@atelier/db";
import type { Role } from "@atelier/internal-auth";
import type { IdentityServices } from "../context";
import { createSignInMembershipStore } from "../data/membership-store";
import { createOidcIdentityStore, type ExternalSubject } from "../data/oidc-identity-store";

/** For the gateway: which user an externally verified subject is, and where they act. */
export async function resolveOidcUser(
  services: IdentityServices,
  external: ExternalSubject,
): Promise<{ userId: string; tenantId: string | null; role: Role | null } | null> {
  const found = await services.db.$transaction(async (tx) => {
    const found = await createOidcIdentityStore(tx).findOrLinkUser({
      ...external,
      email: external.email?.toLowerCase() ?? null,
    });
    if (found?.linkedNow) {
      await recordAuditEvent(tx, {
        tenantId: null,
        actorType: "SYSTEM",
        actorId: null,
        action: "user.link_oidc",
        resourceType: "User",
        resourceId: found.user.id,
        changes: { issuer: external.issuer },
      });
    }
    return found;
  });
  if (!found) return null;
  const membership = await crossTenant("identity-resolution", () =>
    createSignInMembershipStore(services.db).firstApproved(found.user.id),
  );
  return { userId: found.user.id, tenantId: membership?.tenantId ?? null, role: membership?.role ?? null };
}
