import { requireRole } from "@atelier/subgraph-kit";
import { createApiClientStore, formatApiKey, newApiKey } from "../data/api-client-store";
import type { ApiClient } from "../generated/prisma/client";
import type { MemberScope } from "../scope";

export interface CreateApiClientInput {
  name: string;
  scopes: string[];
  allowedApps?: string[] | null;
}

/** Creates a client; its full key is returned here and never again. */
export async function createApiClient(
  scope: MemberScope,
  input: CreateApiClientInput,
): Promise<{ apiClient: ApiClient; apiKey: string }> {
  requireRole(scope.actor, "ADMIN");
  const { actor } = scope;
  const key = newApiKey();
  const apiClient = await scope.write(async (stx) => {
    const apiClient = await createApiClientStore(stx).create({
      name: input.name,
      keyId: key.keyId,
      secretHash: key.secretHash,
      scopes: [...new Set(input.scopes)],
      allowedApps: [...new Set(input.allowedApps ?? [])],
      createdById: actor.userId,
    });
    stx.audit({
      action: "api_client.create",
      resourceType: "ApiClient",
      resourceId: apiClient.id,
      changes: {
        name: apiClient.name,
        keyId: apiClient.keyId,
        scopes: apiClient.scopes,
        allowedApps: apiClient.allowedApps,
      },
    });
    return apiClient;
  });
  return { apiClient, apiKey: formatApiKey(key.keyId, key.secret) };
}
