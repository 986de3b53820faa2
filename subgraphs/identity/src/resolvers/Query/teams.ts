import { z } from "zod";
import { listTeams } from "../../domain/list-teams";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object(page);

export const teamsResolver: QueryResolvers["teams"] = (_, args, ctx) => listTeams(ctx, Args.parse(args));
