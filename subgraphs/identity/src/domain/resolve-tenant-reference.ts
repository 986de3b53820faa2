import { systemActor } from "@atelier/subgraph-kit";
import type { Tenant } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { identityScope } from "./identity-scope";

/** `Tenant.__resolveReference`: another subgraph may reference only the caller's own tenant. */
export async function resolveTenantReference(scope: AccountScope, input: { id: string }): Promise<Tenant | null> {
  const { identity } = scope;
  if (identity.kind === "system") {
    // The gateway's own calls act in the tenant they name.
    const gateway = identityScope(scope.services, systemActor(input.id, identity.service, scope.requestId));
    return gateway.read((tx) => tx.db.tenant.findUnique({ where: { id: tx.tenantId } }));
  }
  const own = (identity.kind === "user" || identity.kind === "apiClient") && identity.tenantId === input.id;
  return own ? scope.loaders.tenantById.load(input.id) : null;
}
