import { z } from "zod";
import { findTeam } from "../../domain/find-team";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Args = z.object({ id });

export const teamResolver: QueryResolvers["team"] = (_, args, ctx) => findTeam(ctx, Args.parse(args).id);
