import { z } from "zod";
import { requestPasswordReset } from "../../domain/request-password-reset";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { email } from "../validation";

const Input = z.object({ email });

export const requestPasswordResetResolver: MutationResolvers["requestPasswordReset"] = (_, args, ctx) =>
  requestPasswordReset(ctx.account, Input.parse(args.input));
