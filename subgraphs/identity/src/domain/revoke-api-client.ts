import { requireRole } from "@atelier/subgraph-kit";
import { createApiClientStore } from "../data/api-client-store";
import type { ApiClient } from "../generated/prisma/client";
import type { MemberScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";

export async function revokeApiClient(scope: MemberScope, input: { id: string }): Promise<ApiClient> {
  requireRole(scope.actor, "ADMIN");
  const apiClient = await scope.write(async (stx) => {
    const apiClients = createApiClientStore(stx);
    const existing = await apiClients.find(input.id);
    if (existing.revokedAt) return existing;
    const apiClient = await apiClients.update(existing.id, { active: false, revokedAt: new Date() });
    stx.audit({
      action: "api_client.revoke",
      resourceType: "ApiClient",
      resourceId: apiClient.id,
    });
    return apiClient;
  });
  // Gateways cache a key's verification: they drop it now, and close the client's subscriptions.
  await announceAccessChange(scope.services, { apiClientId: apiClient.id, tenantId: apiClient.tenantId });
  return apiClient;
}
