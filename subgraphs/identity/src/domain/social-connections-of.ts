import type { IdentityContext } from "../context";
import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialConnection } from "../generated/prisma/client";

/** `User.socialConnections`: private, so anyone but the user themself sees none. */
export async function socialConnectionsOf(ctx: IdentityContext, userId: string): Promise<SocialConnection[]> {
  const { identity } = ctx;
  if (identity.kind !== "user" || identity.userId !== userId) return [];
  return createSocialConnectionStore(ctx.services.db).list(userId);
}
