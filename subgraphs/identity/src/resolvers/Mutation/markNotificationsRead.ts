import { z } from "zod";
import { markNotificationsRead } from "../../domain/mark-notifications-read";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ ids: z.array(id).min(1).max(100) });

export const markNotificationsReadResolver: MutationResolvers["markNotificationsRead"] = (_, args, ctx) =>
  markNotificationsRead(ctx.account, Input.parse(args.input));
