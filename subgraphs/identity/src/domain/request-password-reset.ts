import { createUserStore } from "../data/user-store";
import { createUserTokenStore } from "../data/user-token-store";
import type { AccountScope } from "../scope";

/** Always answers ok, so the answer does not reveal whether an account exists. */
export async function requestPasswordReset(scope: AccountScope, input: { email: string }): Promise<{ ok: boolean }> {
  const { config, db, mail } = scope.services;
  const user = await createUserStore(db).findByEmail(input.email);
  if (!user) return { ok: true };
  const token = await createUserTokenStore(db).issue(
    user.id,
    "PASSWORD_RESET",
    config.passwordResetTtlMinutes * 60_000,
  );
  await mail.send({
    to: user.email,
    subject: "Reset your Atelier password",
    text: `Set a new password within ${config.passwordResetTtlMinutes} minutes: ${config.appUrl}/reset-password?token=${encodeURIComponent(token)}`,
  });
  return { ok: true };
}
