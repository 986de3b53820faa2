import { BadUserInputError, ConflictError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import type { User } from "../generated/prisma/client";
import { checkTotp } from "./check-totp";
import { currentUser } from "./current-user";
import { recordAudit } from "./record-audit";

export async function confirmMfaEnrollment(ctx: IdentityContext, input: { code: string }): Promise<User> {
  const user = await currentUser(ctx);
  if (!user.mfaPendingSecretEncrypted) throw new ConflictError("Start enrolment first (beginMfaEnrollment).");
  return ctx.services.db.$transaction(async (tx) => {
    if (!(await checkTotp(tx, ctx, user, input.code, "pending")))
      throw new BadUserInputError("code: wrong or already used.");
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { mfaEnabled: true, mfaSecretEncrypted: user.mfaPendingSecretEncrypted, mfaPendingSecretEncrypted: null },
    });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: "user.mfa_enable",
      resourceType: "User",
      resourceId: user.id,
    });
    return updated;
  });
}
