import { z } from "zod";
import { removeTeamMember } from "../../domain/remove-team-member";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ teamId: id, userId: id });

export const removeTeamMemberResolver: MutationResolvers["removeTeamMember"] = async (_, args, ctx) => ({
  team: await removeTeamMember(ctx, Input.parse(args.input)),
});
