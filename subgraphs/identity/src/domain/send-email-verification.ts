import { createUserTokenStore } from "../data/user-token-store";
import type { User } from "../generated/prisma/client";
import type { AccountScope } from "../scope";

export async function sendEmailVerification(scope: AccountScope, user: User): Promise<void> {
  if (user.emailVerifiedAt) return;
  const { config, db, mail } = scope.services;
  const token = await createUserTokenStore(db).issue(
    user.id,
    "EMAIL_VERIFICATION",
    config.emailVerificationTtlHours * 3_600_000,
  );
  await mail.send({
    to: user.email,
    subject: "Confirm your e-mail address",
    text: `Confirm your address for Atelier: ${config.appUrl}/verify-email?token=${encodeURIComponent(token)}`,
  });
}
