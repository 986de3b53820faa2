import { z } from "zod";
import { listTeamMembers } from "../domain/list-team-members";
import type { TeamResolvers } from "../generated/resolvers-types";
import { page } from "./validation";

const Args = z.object(page);

export const Team: TeamResolvers = {
  members: async (team, args, ctx) => {
    const input = Args.parse(args);
    return listTeamMembers(await ctx.memberScope(), { ...input, teamId: team.id });
  },
};
