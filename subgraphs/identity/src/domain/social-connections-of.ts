import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialConnection } from "../generated/prisma/client";
import type { AccountScope } from "../scope";

/** `User.socialConnections`: private, so anyone but the user themself sees none. */
export async function socialConnectionsOf(scope: AccountScope, userId: string): Promise<SocialConnection[]> {
  const { identity } = scope;
  if (identity.kind !== "user" || identity.userId !== userId) return [];
  return createSocialConnectionStore(scope.services.db).list(userId);
}
