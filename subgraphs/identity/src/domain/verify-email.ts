import { BadUserInputError } from "@atelier/subgraph-kit";
import { createUserTokenStore } from "../data/user-token-store";
import type { AccountScope } from "../scope";
import { recordAudit } from "./record-audit";

export async function verifyEmail(scope: AccountScope, input: { token: string }): Promise<{ ok: boolean }> {
  await scope.services.db.$transaction(async (tx) => {
    const userId = await createUserTokenStore(tx).consume(input.token, "EMAIL_VERIFICATION");
    if (!userId) throw new BadUserInputError("token: this link is invalid or has expired; ask for a new one.");
    await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    await recordAudit(tx, scope, {
      tenantId: null,
      actorUserId: userId,
      action: "user.verify_email",
      resourceType: "User",
      resourceId: userId,
    });
  });
  return { ok: true };
}
