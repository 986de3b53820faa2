import { crossTenant } from "@atelier/db";
import { createSignInMembershipStore } from "../data/membership-store";
import { createSessionStore } from "../data/session-store";
import type { User } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { authResultFor } from "./auth-result-for";
import { recordSignIn } from "./record-sign-in";

/** Completes a sign-in: records the login, starts a session family, issues tokens. */
export async function signIn(scope: AccountScope, user: User, opts: { device?: string | null; method: string }) {
  const { session, refreshToken, signedInUser } = await scope.services.db.$transaction(async (tx) => {
    const membership = await crossTenant("sign-in", () => createSignInMembershipStore(tx).firstApproved(user.id));
    const started = await createSessionStore(tx).insert({
      userId: user.id,
      tenantId: membership?.tenantId ?? null,
      device: opts.device,
      ipAddress: scope.client.ip,
      userAgent: scope.client.userAgent,
      ttlDays: scope.services.config.refreshTokenTtlDays,
    });
    const signedInUser = await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordSignIn(tx, scope, started.session, opts.method);
    return { ...started, signedInUser };
  });
  return authResultFor(scope, signedInUser, session, refreshToken);
}
