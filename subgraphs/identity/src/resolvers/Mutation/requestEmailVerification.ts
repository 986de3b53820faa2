import { requestEmailVerification } from "../../domain/request-email-verification";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const requestEmailVerificationResolver: MutationResolvers["requestEmailVerification"] = (_, __, ctx) =>
  requestEmailVerification(ctx.account);
