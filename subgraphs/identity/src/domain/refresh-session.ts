import { UnauthenticatedError } from "@atelier/subgraph-kit";
import { createSessionStore } from "../data/session-store";
import type { AccountScope } from "../scope";
import { activeMembershipFor } from "./active-membership-for";
import { announceAccessChange } from "./announce-access-change";
import type { AuthResult } from "./auth-result";
import { authResultFor } from "./auth-result-for";
import { recordAudit } from "./record-audit";

const EXPIRED = "Your session has ended; sign in again.";

/**
 * Rotates a refresh token within its family. A token that was already rotated means it was
 * copied: the whole family is revoked and the caller must sign in again.
 */
export async function refreshSession(scope: AccountScope, input: { refreshToken: string }): Promise<AuthResult> {
  const db = scope.services.db;
  const current = await createSessionStore(db).findByRefreshToken(input.refreshToken);
  if (!current || current.revokedAt || current.expiresAt <= new Date()) throw new UnauthenticatedError(EXPIRED);

  const outcome = await db.$transaction(async (tx) => {
    // Conditional on rotatedAt still null: of two concurrent refreshes, one wins; the other is reuse.
    const { count } = await tx.session.updateMany({
      where: { id: current.id, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: new Date() },
    });
    if (count === 0) {
      await createSessionStore(tx).revokeFamily(current.familyId, "refresh_token_reuse");
      await recordAudit(tx, scope, {
        tenantId: current.tenantId,
        actorUserId: current.userId,
        action: "session.reuse_detected",
        resourceType: "Session",
        resourceId: current.familyId,
      });
      return null;
    }
    const user = await tx.user.findFirst({ where: { id: current.userId, deletedAt: null } });
    if (!user) return null;
    const membership = await activeMembershipFor(tx, user.id, current.tenantId);
    const next = await createSessionStore(tx).insert({
      userId: user.id,
      tenantId: membership?.tenantId ?? null,
      familyId: current.familyId,
      device: current.device,
      // The refreshing request is where the session is now; the family keeps the earlier rows.
      ipAddress: scope.client.ip ?? current.ipAddress,
      userAgent: scope.client.userAgent ?? current.userAgent,
      ttlDays: scope.services.config.refreshTokenTtlDays,
    });
    await recordAudit(tx, scope, {
      tenantId: next.session.tenantId,
      actorUserId: user.id,
      action: "session.refresh",
      resourceType: "Session",
      resourceId: next.session.id,
      changes: { previousSessionId: current.id },
    });
    return { user, ...next };
  });
  // A reused token revoked its family: the family's access tokens end now too.
  if (!outcome) {
    await announceAccessChange(scope.services, { userId: current.userId });
    throw new UnauthenticatedError(EXPIRED);
  }
  return authResultFor(scope, outcome.user, outcome.session, outcome.refreshToken);
}
