import { systemActor } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import type { Tenant } from "../generated/prisma/client";
import { identityScope } from "./identity-scope";

/** `Tenant.__resolveReference`: another subgraph may reference only the caller's own tenant. */
export async function resolveTenantReference(ctx: IdentityContext, id: string): Promise<Tenant | null> {
  const { identity } = ctx;
  if (identity.kind === "system") {
    // The gateway's own calls act in the tenant they name.
    const scope = identityScope(ctx.services, systemActor(id, identity.service, ctx.requestId));
    return scope.read((tx) => tx.db.tenant.findUnique({ where: { id: tx.tenantId } }));
  }
  const own = (identity.kind === "user" || identity.kind === "apiClient") && identity.tenantId === id;
  return own ? ctx.loaders.tenantById.load(id) : null;
}
