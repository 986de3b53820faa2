import { z } from "zod";
import { setTeamMember } from "../../domain/set-team-member";
import { type MutationResolvers, TeamRole } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ teamId: id, userId: id, role: z.enum(TeamRole).nullish() });

export const setTeamMemberResolver: MutationResolvers["setTeamMember"] = async (_, args, ctx) => ({
  team: await setTeamMember(ctx, Input.parse(args.input)),
});
