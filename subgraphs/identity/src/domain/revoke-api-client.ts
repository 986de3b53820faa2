import type { IdentityContext } from "../context";
import { findApiClientInTenant } from "../data/api-clients";
import type { ApiClient } from "../generated/prisma/client";
import { announceAccessChange } from "./announce-access-change";
import { authorize } from "./authorize";

export async function revokeApiClient(ctx: IdentityContext, input: { id: string }): Promise<ApiClient> {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  const apiClient = await scope.write(async (stx) => {
    const tx = stx.db;
    const existing = await findApiClientInTenant(tx, actor.tenantId, input.id);
    if (existing.revokedAt) return existing;
    const apiClient = await tx.apiClient.update({
      where: { id: existing.id },
      data: { active: false, revokedAt: new Date() },
    });
    stx.audit({
      action: "api_client.revoke",
      resourceType: "ApiClient",
      resourceId: apiClient.id,
    });
    return apiClient;
  });
  // Gateways cache a key's verification: they drop it now, and close the client's subscriptions.
  await announceAccessChange(ctx.services, { apiClientId: apiClient.id, tenantId: apiClient.tenantId });
  return apiClient;
}
