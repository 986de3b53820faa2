import { crossTenant } from "@atelier/db";
import { createSignInMembershipStore } from "../data/membership-store";
import type { Session, User } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import type { AuthResult } from "./auth-result";

/** Signs an access token for a session row and shapes the payload. */
export async function authResultFor(
  scope: AccountScope,
  user: User,
  session: Session,
  refreshToken: string | null,
): Promise<AuthResult> {
  const db = scope.services.db;
  const { membership, tenant } = await crossTenant("sign-in", async () => {
    const membership = session.tenantId
      ? await createSignInMembershipStore(db).approved(user.id, session.tenantId)
      : null;
    const tenant = membership ? await db.tenant.findUnique({ where: { id: membership.tenantId } }) : null;
    return { membership, tenant };
  });
  const access = await scope.services.tokens.issueAccessToken({
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
