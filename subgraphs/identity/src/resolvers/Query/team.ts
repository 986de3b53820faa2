import { z } from "zod";
import { findTeam } from "../../domain/find-team";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Args = z.object({ id });

export const teamResolver: QueryResolvers["team"] = async (_, args, ctx) => {
  const input = Args.parse(args);
  return findTeam(await ctx.memberScope(), input);
};
