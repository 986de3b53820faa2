import { z } from "zod";
import { verifyEmail } from "../../domain/verify-email";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { token } from "../validation";

const Input = z.object({ token });

export const verifyEmailResolver: MutationResolvers["verifyEmail"] = (_, args, ctx) =>
  verifyEmail(ctx.account, Input.parse(args.input));
