import type { IdentityContext } from "../context";
import { findApiClientInTenant } from "../data/api-clients";
import type { ApiClient } from "../generated/prisma/client";
import { authorize } from "./authorize";
import { inTenant } from "./in-tenant";
import { audit } from "./record-audit";

export async function revokeApiClient(ctx: IdentityContext, input: { id: string }): Promise<ApiClient> {
  const actor = await authorize(ctx, "ADMIN");
  return inTenant(ctx, actor.tenantId, async (tx) => {
    const existing = await findApiClientInTenant(tx, actor.tenantId, input.id);
    if (existing.revokedAt) return existing;
    const apiClient = await tx.apiClient.update({
      where: { id: existing.id },
      data: { active: false, revokedAt: new Date() },
    });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "api_client.revoke",
      resourceType: "ApiClient",
      resourceId: apiClient.id,
    });
    return apiClient;
  });
}
