import type { SocialConnection } from "../generated/prisma/client";

/** What the audit log keeps of a connection: never a token. */
export function socialConnectionAuditFields(connection: SocialConnection) {
  return {
    platform: connection.platform,
    externalUserId: connection.externalUserId,
    expiresAt: connection.expiresAt?.toISOString() ?? null,
    hasRefreshToken: connection.refreshTokenEncrypted !== null,
  };
}
