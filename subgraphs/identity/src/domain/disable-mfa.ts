import { BadUserInputError, ConflictError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import type { User } from "../generated/prisma/client";
import { checkTotp } from "./check-totp";
import { currentUser } from "./current-user";
import { recordAudit } from "./record-audit";

export async function disableMfa(ctx: IdentityContext, input: { code: string }): Promise<User> {
  const user = await currentUser(ctx);
  if (!user.mfaEnabled) throw new ConflictError("MFA is not on.");
  return ctx.services.db.$transaction(async (tx) => {
    if (!(await checkTotp(tx, ctx, user, input.code))) throw new BadUserInputError("code: wrong or already used.");
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { mfaEnabled: false, mfaSecretEncrypted: null, mfaPendingSecretEncrypted: null, mfaLastUsedStep: null },
    });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: "user.mfa_disable",
      resourceType: "User",
      resourceId: user.id,
    });
    return updated;
  });
}
