import { z } from "zod";
import { listMyActivity } from "../../domain/list-my-activity";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object(page);

export const myActivityResolver: QueryResolvers["myActivity"] = (_, args, ctx) =>
  listMyActivity(ctx.account, Args.parse(args));
