import { crossTenant } from "@atelier/db";
import type { Role } from "@atelier/internal-auth";
import type { IdentityContext } from "../context";
import type { Db } from "../data/db";
import { createSignInMembershipStore } from "../data/membership-store";
import { createSessionStore } from "../data/session-store";
import type { Session, Tenant, User } from "../generated/prisma/client";
import { recordSignIn } from "./record-sign-in";

/** What every sign-in step returns (the AuthPayload type). */
export interface AuthResult {
  mfaRequired: boolean;
  mfaToken?: string | null;
  accessToken?: string | null;
  accessTokenExpiresAt?: Date | null;
  refreshToken?: string | null;
  refreshTokenExpiresAt?: Date | null;
  user?: User | null;
  tenant?: Tenant | null;
  role?: Role | null;
  session?: Session | null;
}

/** The tenant a session acts in: the wanted one if still approved, else the first approved. */
export function activeMembershipFor(db: Db, userId: string, wantedTenantId: string | null) {
  return crossTenant("sign-in", async () => {
    const memberships = createSignInMembershipStore(db);
    const wanted = wantedTenantId ? await memberships.approved(userId, wantedTenantId) : null;
    return wanted ?? (await memberships.firstApproved(userId));
  });
}

/** Signs an access token for a session row and shapes the payload. */
export async function authResultFor(
  ctx: IdentityContext,
  user: User,
  session: Session,
  refreshToken: string | null,
): Promise<AuthResult> {
  const db = ctx.services.db;
  const { membership, tenant } = await crossTenant("sign-in", async () => {
    const membership = session.tenantId
      ? await createSignInMembershipStore(db).approved(user.id, session.tenantId)
      : null;
    const tenant = membership ? await db.tenant.findUnique({ where: { id: membership.tenantId } }) : null;
    return { membership, tenant };
  });
  const access = await ctx.services.tokens.issueAccessToken({
    userId: user.id,
    tenantId: membership?.tenantId ?? null,
    role: membership?.role ?? null,
    sessionId: session.id,
  });
  return {
    mfaRequired: false,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt: refreshToken ? session.expiresAt : null,
    user,
    tenant,
    role: membership?.role ?? null,
    session,
  };
}

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
