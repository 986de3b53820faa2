import type { DelegatedActor, Role } from "@atelier/internal-auth";
import { systemActor } from "@atelier/subgraph-kit";
import type { IdentityServices } from "../context";
import { identityScope } from "./identity-scope";

export type ResolvedActor = { kind: "user"; role: Role } | { kind: "apiClient"; scopes: string[] };

/**
 * For the gateway: whether a delegated actor may still act in its tenant, and with which role or
 * scopes now. A run may outlive the membership that started it; this is what stops its calls.
 */
export async function resolveDelegatedActor(
  services: IdentityServices,
  actor: DelegatedActor,
): Promise<ResolvedActor | null> {
  // The delegation names its tenant: the gateway's check reads in that tenant's scope.
  const scope = identityScope(services, systemActor(actor.tenantId, "gateway"));
  if (actor.kind === "user") {
    const membership = await scope.read((tx) =>
      tx.db.membership.findUnique({
        where: { userId_tenantId: { userId: actor.userId, tenantId: tx.tenantId } },
        select: {
          role: true,
          status: true,
          tenant: { select: { status: true } },
          user: { select: { deletedAt: true } },
        },
      }),
    );
    if (membership?.status !== "APPROVED") return null;
    if (membership.tenant.status !== "ACTIVE" || membership.user.deletedAt) return null;
    return { kind: "user", role: membership.role };
  }
  const client = await scope.read((tx) =>
    tx.db.apiClient.findFirst({
      where: { id: actor.apiClientId, tenantId: tx.tenantId },
      select: { tenantId: true, active: true, revokedAt: true, scopes: true, tenant: { select: { status: true } } },
    }),
  );
  if (!client || client.tenantId !== actor.tenantId || !client.active || client.revokedAt) return null;
  if (client.tenant.status !== "ACTIVE") return null;
  return { kind: "apiClient", scopes: client.scopes };
}
