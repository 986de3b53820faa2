import { z } from "zod";
import { updateTeam } from "../../domain/update-team";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id, name, optionalText } from "../validation";

const Input = z.object({ teamId: id, name: name.nullish(), description: optionalText(2000) });

export const updateTeamResolver: MutationResolvers["updateTeam"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { team: await updateTeam(await ctx.memberScope(), input) };
};
