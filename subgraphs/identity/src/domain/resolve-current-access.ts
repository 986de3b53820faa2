import { crossTenant } from "@atelier/db";
import type { Role } from "@atelier/internal-auth";
import type { IdentityServices } from "../context";

/** Who an access token names: its user, active tenant and session (each as the token carries it). */
export interface AccessSubject {
  userId: string;
  tenantId: string | null;
  sessionId: string | null;
}

/**
 * What the subject may do now: `signedIn` is false once the user is deleted or the token's session
 * was ended (logout, revokeSession, password reset, refresh-token reuse) or expired; `role` is the
 * APPROVED membership's role in an ACTIVE tenant, else null.
 */
export interface CurrentAccess {
  signedIn: boolean;
  role: Role | null;
}

/**
 * For the gateway, which asks on every cache miss: the current access of many subjects in three
 * queries, answers in the order asked.
 */
export async function resolveCurrentAccess(
  services: IdentityServices,
  subjects: AccessSubject[],
): Promise<CurrentAccess[]> {
  const db = services.db;
  const userIds = [...new Set(subjects.map((s) => s.userId))];
  const sessionIds = [...new Set(subjects.flatMap((s) => (s.sessionId ? [s.sessionId] : [])))];
  const pairs = subjects.flatMap((s) => (s.tenantId ? [{ userId: s.userId, tenantId: s.tenantId }] : []));
  const [users, sessions, memberships] = await crossTenant("identity-resolution", () =>
    Promise.all([
      db.user.findMany({ where: { id: { in: userIds }, deletedAt: null }, select: { id: true } }),
      sessionIds.length
        ? db.session.findMany({
            where: { id: { in: sessionIds }, revokedAt: null, expiresAt: { gt: new Date() } },
            select: { id: true, userId: true },
          })
        : [],
      pairs.length
        ? db.membership.findMany({
            where: { OR: pairs, status: "APPROVED", tenant: { status: "ACTIVE" } },
            select: { userId: true, tenantId: true, role: true },
          })
        : [],
    ]),
  );
  const liveUsers = new Set(users.map((u) => u.id));
  const liveSessions = new Map(sessions.map((s) => [s.id, s.userId]));
  const roles = new Map(memberships.map((m) => [`${m.userId}:${m.tenantId}`, m.role]));
  return subjects.map((subject) => {
    const signedIn =
      liveUsers.has(subject.userId) &&
      (subject.sessionId === null || liveSessions.get(subject.sessionId) === subject.userId);
    const role = signedIn && subject.tenantId ? (roles.get(`${subject.userId}:${subject.tenantId}`) ?? null) : null;
    return { signedIn, role };
  });
}
