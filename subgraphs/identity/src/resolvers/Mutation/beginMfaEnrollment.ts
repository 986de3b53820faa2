import { beginMfaEnrollment } from "../../domain/begin-mfa-enrollment";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const beginMfaEnrollmentResolver: MutationResolvers["beginMfaEnrollment"] = (_, __, ctx) =>
  beginMfaEnrollment(ctx.account);
