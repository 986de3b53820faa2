import { z } from "zod";
import { refreshSession } from "../../domain/refresh-session";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { token } from "../validation";

const Input = z.object({ refreshToken: token });

export const refreshSessionResolver: MutationResolvers["refreshSession"] = (_, args, ctx) =>
  refreshSession(ctx.account, Input.parse(args.input));
