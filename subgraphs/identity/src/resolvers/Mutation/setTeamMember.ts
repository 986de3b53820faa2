import { z } from "zod";
import { setTeamMember } from "../../domain/set-team-member";
import { type MutationResolvers, TeamRole } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ teamId: id, userId: id, role: z.enum(TeamRole).nullish() });

export const setTeamMemberResolver: MutationResolvers["setTeamMember"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { team: await setTeamMember(await ctx.memberScope(), input) };
};
