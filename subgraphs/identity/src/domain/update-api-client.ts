import { ConflictError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { findApiClientInTenant } from "../data/api-clients";
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
  const { actor } = scope;
  const apiClient = await scope.write(async (stx) => {
    const tx = stx.db;
    const existing = await findApiClientInTenant(tx, actor.tenantId, input.id);
    if (existing.revokedAt) throw new ConflictError("A revoked API client cannot be changed.");
    const data = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.scopes ? { scopes: [...new Set(input.scopes)] } : {}),
      ...(input.allowedApps ? { allowedApps: [...new Set(input.allowedApps)] } : {}),
    };
    const apiClient = await tx.apiClient.update({ where: { id: existing.id }, data });
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
