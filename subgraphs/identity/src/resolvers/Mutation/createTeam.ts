import { z } from "zod";
import { createTeam } from "../../domain/create-team";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { name, optionalText } from "../validation";

const Input = z.object({ name, description: optionalText(2000) });

export const createTeamResolver: MutationResolvers["createTeam"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { team: await createTeam(await ctx.memberScope(), input) };
};
