import type { SocialConnection, SocialPlatform } from "../generated/prisma/client";
import type { Db } from "./db";

/** What is stored for a linked account; the tokens arrive already sealed. */
export interface SealedSocialConnection {
  userId: string;
  platform: SocialPlatform;
  externalUserId: string;
  accessTokenEncrypted: string;
  refreshTokenEncrypted: string | null;
  expiresAt: Date | null;
}

export function listSocialConnections(db: Db, userId: string): Promise<SocialConnection[]> {
  return db.socialConnection.findMany({ where: { userId }, orderBy: { platform: "asc" } });
}

export function findSocialConnection(db: Db, userId: string, platform: SocialPlatform) {
  return db.socialConnection.findUnique({ where: { userId_platform: { userId, platform } } });
}

/** Inserts the user's connection on the platform, or replaces every stored field of it. */
export function upsertSocialConnection(db: Db, row: SealedSocialConnection): Promise<SocialConnection> {
  const { userId, platform, ...fields } = row;
  return db.socialConnection.upsert({
    where: { userId_platform: { userId, platform } },
    create: row,
    update: fields,
  });
}

export function deleteSocialConnection(db: Db, id: string): Promise<SocialConnection> {
  return db.socialConnection.delete({ where: { id } });
}
