import { NotFoundError } from "@atelier/subgraph-kit";
import type { TeamMemberResolvers } from "../generated/resolvers-types";

export const TeamMember: TeamMemberResolvers = {
  user: async (member, _, ctx) =>
    (await ctx.loaders.userById.load(member.userId)) ?? Promise.reject(new NotFoundError("Team member not found.")),
};
