import { generateOpaqueToken, hashOpaqueToken } from "../auth/opaque-token";
import type { UserTokenPurpose } from "../generated/prisma/client";
import type { Db } from "./db";

/** Issues a one-time token (stored hashed); earlier unused tokens of the same purpose stop working. */
async function issueUserToken(db: Db, userId: string, purpose: UserTokenPurpose, ttlMs: number): Promise<string> {
  const token = generateOpaqueToken();
  await db.userToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
  await db.userToken.create({
    data: { userId, purpose, tokenHash: hashOpaqueToken(token), expiresAt: new Date(Date.now() + ttlMs) },
  });
  return token;
}

/** Marks a live token used and returns its user id, or null if unknown, used or expired. */
async function consumeUserToken(db: Db, token: string, purpose: UserTokenPurpose): Promise<string | null> {
  const row = await db.userToken.findUnique({ where: { tokenHash: hashOpaqueToken(token) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date()) return null;
  // Conditional on usedAt still null: of two concurrent uses, one wins.
  const { count } = await db.userToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1 ? row.userId : null;
}

/** One-time e-mail tokens (verification, password reset); stored hashed. */
export function createUserTokenStore(db: Db) {
  return {
    issue: issueUserToken.bind(null, db),
    consume: consumeUserToken.bind(null, db),
  };
}
