import { z } from "zod";
import { removeTeamMember } from "../../domain/remove-team-member";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ teamId: id, userId: id });

export const removeTeamMemberResolver: MutationResolvers["removeTeamMember"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { team: await removeTeamMember(await ctx.memberScope(), input) };
};
