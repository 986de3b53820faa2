import { z } from "zod";
import { listMyNotifications } from "../../domain/list-my-notifications";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object({ ...page, unreadOnly: z.boolean().nullish() });

export const myNotificationsResolver: QueryResolvers["myNotifications"] = (_, args, ctx) =>
  listMyNotifications(ctx.account, Args.parse(args));
