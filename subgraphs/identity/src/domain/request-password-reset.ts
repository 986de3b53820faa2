import type { IdentityContext } from "../context";
import { issueUserToken } from "../data/user-tokens";
import { findUserByEmail } from "../data/users";

/** Always answers ok, so the answer does not reveal whether an account exists. */
export async function requestPasswordReset(ctx: IdentityContext, input: { email: string }): Promise<{ ok: boolean }> {
  const { config, db, mail } = ctx.services;
  const user = await findUserByEmail(db, input.email);
  if (!user) return { ok: true };
  const token = await issueUserToken(db, user.id, "PASSWORD_RESET", config.passwordResetTtlMinutes * 60_000);
  await mail.send({
    to: user.email,
    subject: "Reset your Atelier password",
    text: `Set a new password within ${config.passwordResetTtlMinutes} minutes: ${config.appUrl}/reset-password?token=${encodeURIComponent(token)}`,
  });
  return { ok: true };
}
