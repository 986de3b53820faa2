import { z } from "zod";
import { completeMfaLogin } from "../../domain/complete-mfa-login";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { device, token, totpCode } from "../validation";

const Input = z.object({ mfaToken: token, code: totpCode, device });

export const completeMfaLoginResolver: MutationResolvers["completeMfaLogin"] = (_, args, ctx) =>
  completeMfaLogin(ctx.account, Input.parse(args.input));
