import { z } from "zod";
import { deleteTeam } from "../../domain/delete-team";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ teamId: id });

export const deleteTeamResolver: MutationResolvers["deleteTeam"] = (_, args, ctx) =>
  deleteTeam(ctx, Input.parse(args.input));
