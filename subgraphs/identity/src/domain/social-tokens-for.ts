import type { IdentityServices } from "../context";
import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialPlatform } from "../generated/prisma/client";

export interface SocialTokens {
  externalUserId: string;
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

/**
 * The decrypted tokens of a user's linked account, for code acting on that user's behalf
 * (never exposed through GraphQL); null when none is linked. Expired tokens are returned
 * too, with their expiry, so a caller can renew them with the refresh token.
 */
export async function socialTokensFor(
  services: Pick<IdentityServices, "db" | "secretBox">,
  userId: string,
  platform: SocialPlatform,
): Promise<SocialTokens | null> {
  const connection = await createSocialConnectionStore(services.db).find(userId, platform);
  if (!connection) return null;
  return {
    externalUserId: connection.externalUserId,
    accessToken: services.secretBox.open(connection.accessTokenEncrypted),
    refreshToken: connection.refreshTokenEncrypted ? services.secretBox.open(connection.refreshTokenEncrypted) : null,
    expiresAt: connection.expiresAt,
  };
}
