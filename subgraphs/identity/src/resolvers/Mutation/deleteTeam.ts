import { z } from "zod";
import { deleteTeam } from "../../domain/delete-team";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ teamId: id });

export const deleteTeamResolver: MutationResolvers["deleteTeam"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return deleteTeam(await ctx.memberScope(), input);
};
