import { verifyTotp } from "../auth/totp";
import type { Db } from "../data/db";
import type { User } from "../generated/prisma/client";
import type { AccountScope } from "../scope";

/**
 * Checks a code against the user's (or the pending) secret and records its time step, so the
 * same code is not accepted twice. Returns false for a wrong or replayed code.
 */
export async function checkTotp(
  db: Db,
  scope: AccountScope,
  user: User,
  code: string,
  which: "active" | "pending" = "active",
): Promise<boolean> {
  const sealed = which === "active" ? user.mfaSecretEncrypted : user.mfaPendingSecretEncrypted;
  if (!sealed) return false;
  const step = verifyTotp(scope.services.secretBox.open(sealed), code);
  if (step === null) return false;
  const { count } = await db.user.updateMany({
    where: { id: user.id, OR: [{ mfaLastUsedStep: null }, { mfaLastUsedStep: { lt: step } }] },
    data: { mfaLastUsedStep: step },
  });
  return count === 1;
}
