import type { TenantResolvers } from "../generated/resolvers-types";

export const Tenant: TenantResolvers = {
  // Another subgraph may reference only the caller's own tenant.
  __resolveReference: async (ref, ctx) => {
    const { identity } = ctx;
    const own =
      identity.kind === "system" ||
      ((identity.kind === "user" || identity.kind === "apiClient") && identity.tenantId === ref.id);
    return own ? ctx.loaders.tenantById.load(ref.id) : null;
  },
  plan: (tenant, _, ctx) => (tenant.planId ? ctx.loaders.planById.load(tenant.planId) : null),
};
