import { z } from "zod";
import { listTeams } from "../../domain/list-teams";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object(page);

export const teamsResolver: QueryResolvers["teams"] = async (_, args, ctx) => {
  const input = Args.parse(args);
  return listTeams(await ctx.memberScope(), input);
};
