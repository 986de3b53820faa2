import { BadUserInputError, ConflictError } from "@atelier/subgraph-kit";
import { generateTotpSecret, totpUri } from "../auth/totp";
import type { IdentityContext } from "../context";
import type { User } from "../generated/prisma/client";
import { requireSignedIn } from "./authorize";
import { checkTotp } from "./check-totp";
import { audit } from "./record-audit";

async function currentUser(ctx: IdentityContext): Promise<User> {
  return ctx.services.db.user.findUniqueOrThrow({ where: { id: requireSignedIn(ctx).userId } });
}

/** Stores a new secret (encrypted) as pending; MFA turns on only after a code confirms it. */
export async function beginMfaEnrollment(ctx: IdentityContext): Promise<{ secret: string; otpauthUri: string }> {
  const user = await currentUser(ctx);
  if (user.mfaEnabled) throw new ConflictError("MFA is already on; turn it off first to enrol a new device.");
  const secret = generateTotpSecret();
  await ctx.services.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { mfaPendingSecretEncrypted: ctx.services.secretBox.seal(secret) },
    });
    await audit(tx, ctx, {
      tenantId: null,
      action: "user.mfa_enrollment_start",
      resourceType: "User",
      resourceId: user.id,
    });
  });
  return { secret, otpauthUri: totpUri(secret, user.email) };
}

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
    await audit(tx, ctx, { tenantId: null, action: "user.mfa_enable", resourceType: "User", resourceId: user.id });
    return updated;
  });
}

export async function disableMfa(ctx: IdentityContext, input: { code: string }): Promise<User> {
  const user = await currentUser(ctx);
  if (!user.mfaEnabled) throw new ConflictError("MFA is not on.");
  return ctx.services.db.$transaction(async (tx) => {
    if (!(await checkTotp(tx, ctx, user, input.code))) throw new BadUserInputError("code: wrong or already used.");
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { mfaEnabled: false, mfaSecretEncrypted: null, mfaPendingSecretEncrypted: null, mfaLastUsedStep: null },
    });
    await audit(tx, ctx, { tenantId: null, action: "user.mfa_disable", resourceType: "User", resourceId: user.id });
    return updated;
  });
}
