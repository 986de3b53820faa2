import { ConflictError, requireRole } from "@atelier/subgraph-kit";
import { createApiClientStore } from "../data/api-client-store";
import type { ApiClient } from "../generated/prisma/client";
import type { MemberScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";

export interface UpdateApiClientInput {
  id: string;
  name?: string | null;
  scopes?: string[] | null;
  allowedApps?: string[] | null;
}

export async function updateApiClient(scope: MemberScope, input: UpdateApiClientInput): Promise<ApiClient> {
  requireRole(scope.actor, "ADMIN");
  const apiClient = await scope.write(async (stx) => {
    const apiClients = createApiClientStore(stx);
    const existing = await apiClients.find(input.id);
    if (existing.revokedAt) throw new ConflictError("A revoked API client cannot be changed.");
    const data = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.scopes ? { scopes: [...new Set(input.scopes)] } : {}),
      ...(input.allowedApps ? { allowedApps: [...new Set(input.allowedApps)] } : {}),
    };
    const apiClient = await apiClients.update(existing.id, data);
    stx.audit({
      action: "api_client.update",
      resourceType: "ApiClient",
      resourceId: apiClient.id,
      changes: data,
    });
    return apiClient;
  });
  // New scopes apply at once on every gateway, to requests and open subscriptions alike.
  await announceAccessChange(scope.services, { apiClientId: apiClient.id, tenantId: apiClient.tenantId });
  return apiClient;
}
