import { NotFoundError } from "@atelier/subgraph-kit";
import { canSeeTenantProfile } from "../domain/can-see-tenant-profile";
import { canSeeUser } from "../domain/can-see-user";
import { invitedAddressOnly } from "../domain/invited-address-only";
import { tenantNameOnly } from "../domain/tenant-name-only";
import type { MembershipResolvers } from "../generated/resolvers-types";

export const Membership: MembershipResolvers = {
  user: async (m, _, ctx) => {
    const user = await ctx.loaders.userById.load(m.userId);
    if (!user) throw new NotFoundError("Member not found.");
    return (await canSeeUser(ctx.account, user.id)) ? user : invitedAddressOnly(user, m);
  },
  tenant: async (m, _, ctx) => {
    const tenant = await ctx.loaders.tenantById.load(m.tenantId);
    if (!tenant) throw new NotFoundError("Tenant not found.");
    return (await canSeeTenantProfile(ctx.account, tenant.id)) ? tenant : tenantNameOnly(tenant);
  },
  invitedBy: async (m, _, ctx) =>
    m.invitedById && (await canSeeUser(ctx.account, m.invitedById)) ? ctx.loaders.userById.load(m.invitedById) : null,
};
