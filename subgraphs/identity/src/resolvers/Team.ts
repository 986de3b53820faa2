import { z } from "zod";
import { listTeamMembers } from "../domain/list-team-members";
import type { TeamResolvers } from "../generated/resolvers-types";
import { page } from "./validation";

const Args = z.object(page);

export const Team: TeamResolvers = {
  members: (team, args, ctx) => listTeamMembers(ctx, team, Args.parse(args)),
};
