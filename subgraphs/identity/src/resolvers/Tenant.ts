import { resolveTenantReference } from "../domain/resolve-tenant-reference";
import type { TenantResolvers } from "../generated/resolvers-types";

export const Tenant: TenantResolvers = {
  __resolveReference: (ref, ctx) => resolveTenantReference(ctx.account, { id: ref.id }),
  plan: (tenant, _, ctx) => (tenant.planId ? ctx.loaders.planById.load(tenant.planId) : null),
};
