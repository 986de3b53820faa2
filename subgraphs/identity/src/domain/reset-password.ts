import { BadUserInputError } from "@atelier/subgraph-kit";
import { hashPassword } from "../auth/password";
import { createSessionStore } from "../data/session-store";
import { createUserTokenStore } from "../data/user-token-store";
import type { AccountScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";
import { recordAudit } from "./record-audit";

/** Sets the password and ends every session: whoever held the old password is signed out. */
export async function resetPassword(scope: AccountScope, input: { token: string; newPassword: string }) {
  const passwordHash = await hashPassword(input.newPassword);
  const userId = await scope.services.db.$transaction(async (tx) => {
    const userId = await createUserTokenStore(tx).consume(input.token, "PASSWORD_RESET");
    if (!userId) throw new BadUserInputError("token: this link is invalid or has expired; ask for a new one.");
    // Proving control of the mailbox also verifies the address.
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    const sessionsEnded = await createSessionStore(tx).revokeAllOfUser(userId, "password_reset");
    await recordAudit(tx, scope, {
      tenantId: null,
      actorUserId: userId,
      action: "user.reset_password",
      resourceType: "User",
      resourceId: userId,
      changes: { sessionsEnded },
    });
    return userId;
  });
  await announceAccessChange(scope.services, { userId });
  return { ok: true };
}
