import { ConflictError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createApiClientStore } from "../data/api-client-store";
import type { ApiClient } from "../generated/prisma/client";
import { announceAccessChange } from "./announce-access-change";
import { authorize } from "./authorize";

export interface UpdateApiClientInput {
  id: string;
  name?: string | null;
  scopes?: string[] | null;
  allowedApps?: string[] | null;
}

export async function updateApiClient(ctx: IdentityContext, input: UpdateApiClientInput): Promise<ApiClient> {
  const scope = await authorize(ctx, "ADMIN");
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
  await announceAccessChange(ctx.services, { apiClientId: apiClient.id, tenantId: apiClient.tenantId });
  return apiClient;
}
