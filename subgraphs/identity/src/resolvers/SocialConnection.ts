import type { SocialConnectionResolvers } from "../generated/resolvers-types";

export const SocialConnection: SocialConnectionResolvers = {
  expired: (connection) => connection.expiresAt !== null && connection.expiresAt.getTime() <= Date.now(),
  hasRefreshToken: (connection) => connection.refreshTokenEncrypted !== null,
};
