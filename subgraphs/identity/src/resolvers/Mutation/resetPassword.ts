import { z } from "zod";
import { resetPassword } from "../../domain/reset-password";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { password, token } from "../validation";

const Input = z.object({ token, newPassword: password });

export const resetPasswordResolver: MutationResolvers["resetPassword"] = (_, args, ctx) =>
  resetPassword(ctx.account, Input.parse(args.input));
