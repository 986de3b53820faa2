import { z } from "zod";
import { confirmMfaEnrollment } from "../../domain/confirm-mfa-enrollment";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { totpCode } from "../validation";

const Input = z.object({ code: totpCode });

export const confirmMfaEnrollmentResolver: MutationResolvers["confirmMfaEnrollment"] = async (_, args, ctx) => ({
  user: await confirmMfaEnrollment(ctx.account, Input.parse(args.input)),
});
