import { NotFoundError } from "@atelier/subgraph-kit";
import type { MembershipResolvers } from "../generated/resolvers-types";

export const Membership: MembershipResolvers = {
  user: async (m, _, ctx) =>
    (await ctx.loaders.userById.load(m.userId)) ?? Promise.reject(new NotFoundError("Member not found.")),
  tenant: async (m, _, ctx) =>
    (await ctx.loaders.tenantById.load(m.tenantId)) ?? Promise.reject(new NotFoundError("Tenant not found.")),
  invitedBy: (m, _, ctx) => (m.invitedById ? ctx.loaders.userById.load(m.invitedById) : null),
};
