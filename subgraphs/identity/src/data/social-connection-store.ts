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

function listSocialConnections(db: Db, userId: string): Promise<SocialConnection[]> {
  return db.socialConnection.findMany({ where: { userId }, orderBy: { platform: "asc" } });
}

function findSocialConnection(db: Db, userId: string, platform: SocialPlatform) {
  return db.socialConnection.findUnique({ where: { userId_platform: { userId, platform } } });
}

/** Inserts the user's connection on the platform, or replaces every stored field of it. */
function upsertSocialConnection(db: Db, row: SealedSocialConnection): Promise<SocialConnection> {
  const { userId, platform, ...fields } = row;
  return db.socialConnection.upsert({
    where: { userId_platform: { userId, platform } },
    create: row,
    update: fields,
  });
}

function deleteSocialConnection(db: Db, id: string): Promise<SocialConnection> {
  return db.socialConnection.delete({ where: { id } });
}

/** A user's linked social-media accounts; never readable by a tenant-bound transaction. */
export function createSocialConnectionStore(db: Db) {
  return {
    list: listSocialConnections.bind(null, db),
    find: findSocialConnection.bind(null, db),
    upsert: upsertSocialConnection.bind(null, db),
    delete: deleteSocialConnection.bind(null, db),
  };
}
