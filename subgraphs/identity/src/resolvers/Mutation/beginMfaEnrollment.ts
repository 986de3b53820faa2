import { beginMfaEnrollment } from "../../domain/manage-mfa";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const beginMfaEnrollmentResolver: MutationResolvers["beginMfaEnrollment"] = (_, __, ctx) =>
  beginMfaEnrollment(ctx);
