import { crossTenant } from "@atelier/db";
import type { IdentityContext } from "../context";
import { createSignInMembershipStore } from "../data/membership-store";
import { createSessionStore } from "../data/session-store";
import type { User } from "../generated/prisma/client";
import { authResultFor } from "./auth-result-for";
import { recordSignIn } from "./record-sign-in";

/** Completes a sign-in: records the login, starts a session family, issues tokens. */
export async function signIn(ctx: IdentityContext, user: User, opts: { device?: string | null; method: string }) {
  const { session, refreshToken, signedInUser } = await ctx.services.db.$transaction(async (tx) => {
    const membership = await crossTenant("sign-in", () => createSignInMembershipStore(tx).firstApproved(user.id));
    const started = await createSessionStore(tx).insert({
      userId: user.id,
      tenantId: membership?.tenantId ?? null,
      device: opts.device,
      ipAddress: ctx.client.ip,
      userAgent: ctx.client.userAgent,
      ttlDays: ctx.services.config.refreshTokenTtlDays,
    });
    const signedInUser = await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordSignIn(tx, ctx, started.session, opts.method);
    return { ...started, signedInUser };
  });
  return authResultFor(ctx, signedInUser, session, refreshToken);
}
