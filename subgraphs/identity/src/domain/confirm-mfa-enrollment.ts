import { BadUserInputError, ConflictError, requireUser } from "@atelier/subgraph-kit";
import type { User } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { checkTotp } from "./check-totp";
import { currentUser } from "./current-user";
import { recordAudit } from "./record-audit";

export async function confirmMfaEnrollment(scope: AccountScope, input: { code: string }): Promise<User> {
  const { userId } = requireUser(scope);
  const user = await currentUser(scope.services, userId);
  if (!user.mfaPendingSecretEncrypted) throw new ConflictError("Start enrolment first (beginMfaEnrollment).");
  return scope.services.db.$transaction(async (tx) => {
    if (!(await checkTotp(tx, scope, user, input.code, "pending")))
      throw new BadUserInputError("code: wrong or already used.");
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { mfaEnabled: true, mfaSecretEncrypted: user.mfaPendingSecretEncrypted, mfaPendingSecretEncrypted: null },
    });
    await recordAudit(tx, scope, {
      tenantId: null,
      action: "user.mfa_enable",
      resourceType: "User",
      resourceId: user.id,
    });
    return updated;
  });
}
