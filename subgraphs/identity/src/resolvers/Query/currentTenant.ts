import type { QueryResolvers } from "../../generated/resolvers-types";

export const currentTenantResolver: QueryResolvers["currentTenant"] = async (_, __, ctx) => {
  if (ctx.identity.kind === "apiClient") return ctx.loaders.tenantById.load(ctx.identity.tenantId);
  if (ctx.identity.kind === "user" && !ctx.identity.tenantId) return null;
  const { tenantId } = await ctx.memberScope();
  return ctx.loaders.tenantById.load(tenantId);
};
