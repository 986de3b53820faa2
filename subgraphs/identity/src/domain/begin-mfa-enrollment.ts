import { ConflictError, requireUser } from "@atelier/subgraph-kit";
import { generateTotpSecret, totpUri } from "../auth/totp";
import type { AccountScope } from "../scope";
import { currentUser } from "./current-user";
import { recordAudit } from "./record-audit";

/** Stores a new secret (encrypted) as pending; MFA turns on only after a code confirms it. */
export async function beginMfaEnrollment(scope: AccountScope): Promise<{ secret: string; otpauthUri: string }> {
  const { userId } = requireUser(scope);
  const user = await currentUser(scope.services, userId);
  if (user.mfaEnabled) throw new ConflictError("MFA is already on; turn it off first to enrol a new device.");
  const secret = generateTotpSecret();
  await scope.services.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { mfaPendingSecretEncrypted: scope.services.secretBox.seal(secret) },
    });
    await recordAudit(tx, scope, {
      tenantId: null,
      action: "user.mfa_enrollment_start",
      resourceType: "User",
      resourceId: user.id,
    });
  });
  return { secret, otpauthUri: totpUri(secret, user.email) };
}
