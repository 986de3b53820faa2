import { crossTenant } from "@atelier/db";
import { systemActor } from "@atelier/subgraph-kit";
import type { IdentityServices } from "../context";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import { identityScope } from "./identity-scope";

export interface LookupInput {
  id: string;
  apiClientId?: string | undefined;
  tenantId?: string | undefined;
}

export interface LookupAnswer {
  document: string | null;
  operationName: string | null;
  allowed: boolean;
}

/**
 * For the gateway: an ACTIVE operation by id, for an API client only within the apps it may call
 * (`allowed: false` when the id exists in its tenant under another app), for first-party callers
 * anywhere in their tenant. Null when unknown.
 */
export async function lookupPersistedOperation(
  services: IdentityServices,
  input: LookupInput,
): Promise<LookupAnswer | null> {
  let tenantId = input.tenantId;
  let apps: string[] | undefined;
  if (input.apiClientId) {
    const { apiClientId } = input;
    const client = await crossTenant("identity-resolution", () =>
      services.db.apiClient.findUnique({ where: { id: apiClientId } }),
    );
    if (!client?.active || client.revokedAt) return null;
    tenantId = client.tenantId;
    apps = client.allowedApps;
  }
  if (!tenantId) return null;
  return identityScope(services, systemActor(tenantId, "gateway")).read(async (tx) => {
    const operations = createPersistedOperationStore(tx);
    const found = await operations.findActiveOperation(input.id, apps);
    if (found) return { document: found.document, operationName: found.name, allowed: true };
    if (!apps) return null;
    const elsewhere = await operations.findActiveOperation(input.id);
    return elsewhere ? { document: null, operationName: null, allowed: false } : null;
  });
}
