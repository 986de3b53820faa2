import type { DelegatedActor, Role } from "@atelier/internal-auth";
import type { IdentityServices } from "../context";

export type ResolvedActor = { kind: "user"; role: Role } | { kind: "apiClient"; scopes: string[] };

/**
 * For the gateway: whether a delegated actor may still act in its tenant, and with which role or
 * scopes now. A run may outlive the membership that started it; this is what stops its calls.
 */
export async function resolveDelegatedActor(
  services: IdentityServices,
  actor: DelegatedActor,
): Promise<ResolvedActor | null> {
  if (actor.kind === "user") {
    const membership = await services.db.membership.findUnique({
      where: { userId_tenantId: { userId: actor.userId, tenantId: actor.tenantId } },
      select: { role: true, status: true, tenant: { select: { status: true } }, user: { select: { deletedAt: true } } },
    });
    if (membership?.status !== "APPROVED") return null;
    if (membership.tenant.status !== "ACTIVE" || membership.user.deletedAt) return null;
    return { kind: "user", role: membership.role };
  }
  const client = await services.db.apiClient.findUnique({
    where: { id: actor.apiClientId },
    select: { tenantId: true, active: true, revokedAt: true, scopes: true, tenant: { select: { status: true } } },
  });
  if (!client || client.tenantId !== actor.tenantId || !client.active || client.revokedAt) return null;
  if (client.tenant.status !== "ACTIVE") return null;
  return { kind: "apiClient", scopes: client.scopes };
}
