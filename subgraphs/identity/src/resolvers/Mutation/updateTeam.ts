import { z } from "zod";
import { updateTeam } from "../../domain/update-team";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id, name, optionalText } from "../validation";

const Input = z.object({ teamId: id, name: name.nullish(), description: optionalText(2000) });

export const updateTeamResolver: MutationResolvers["updateTeam"] = async (_, args, ctx) => ({
  team: await updateTeam(ctx, Input.parse(args.input)),
});
