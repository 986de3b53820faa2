import { randomUUID } from "node:crypto";
import { generateOpaqueToken, hashOpaqueToken } from "../auth/opaque-token";
import type { Session } from "../generated/prisma/client";
import type { Db } from "./db";

export interface NewSession {
  userId: string;
  tenantId: string | null;
  device?: string | null;
  /** Continue an existing family (rotation); omitted for a new sign-in. */
  familyId?: string;
  ipAddress?: string | null;
  userAgent?: string | null;
  ttlDays: number;
}

/** Inserts a session row and returns it with its refresh token, which is stored only hashed. */
async function insertSession(db: Db, input: NewSession): Promise<{ session: Session; refreshToken: string }> {
  const refreshToken = generateOpaqueToken();
  const session = await db.session.create({
    data: {
      userId: input.userId,
      tenantId: input.tenantId,
      familyId: input.familyId ?? randomUUID(),
      refreshTokenHash: hashOpaqueToken(refreshToken),
      device: input.device ?? null,
      ipAddress: input.ipAddress ?? null,
      userAgent: input.userAgent ?? null,
      expiresAt: new Date(Date.now() + input.ttlDays * 86_400_000),
    },
  });
  return { session, refreshToken };
}

function findSessionByRefreshToken(db: Db, refreshToken: string) {
  return db.session.findUnique({ where: { refreshTokenHash: hashOpaqueToken(refreshToken) } });
}

/** Ends every live row of a session family; returns how many were live. */
async function revokeSessionFamily(db: Db, familyId: string, reason: string): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { familyId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

async function revokeAllSessionsOfUser(db: Db, userId: string, reason: string): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

function listLiveSessions(db: Db, userId: string) {
  return db.session.findMany({
    where: { userId, revokedAt: null, rotatedAt: null, expiresAt: { gt: new Date() } },
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
  });
}

/** Sessions (refresh-token families) of users; not tenant data. */
export function createSessionStore(db: Db) {
  return {
    insert: insertSession.bind(null, db),
    findByRefreshToken: findSessionByRefreshToken.bind(null, db),
    revokeFamily: revokeSessionFamily.bind(null, db),
    revokeAllOfUser: revokeAllSessionsOfUser.bind(null, db),
    listLive: listLiveSessions.bind(null, db),
  };
}
