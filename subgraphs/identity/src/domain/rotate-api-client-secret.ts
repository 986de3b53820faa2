import { ConflictError, requireRole } from "@atelier/subgraph-kit";
import { createApiClientStore, formatApiKey, newApiKey } from "../data/api-client-store";
import type { ApiClient } from "../generated/prisma/client";
import type { MemberScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";

/** Replaces key id and secret; the old key stops working at once. */
export async function rotateApiClientSecret(
  scope: MemberScope,
  input: { id: string },
): Promise<{ apiClient: ApiClient; apiKey: string }> {
  requireRole(scope.actor, "ADMIN");
  const key = newApiKey();
  const apiClient = await scope.write(async (stx) => {
    const apiClients = createApiClientStore(stx);
    const existing = await apiClients.find(input.id);
    if (existing.revokedAt) throw new ConflictError("A revoked API client cannot be rotated; create a new one.");
    const apiClient = await apiClients.update(existing.id, { keyId: key.keyId, secretHash: key.secretHash });
    stx.audit({
      action: "api_client.rotate_secret",
      resourceType: "ApiClient",
      resourceId: apiClient.id,
      changes: { keyId: { from: existing.keyId, to: apiClient.keyId } },
    });
    return apiClient;
  });
  // The old key stops working on every gateway now, not when its cached verification expires.
  await announceAccessChange(scope.services, { apiClientId: apiClient.id, tenantId: apiClient.tenantId });
  return { apiClient, apiKey: formatApiKey(key.keyId, key.secret) };
}
