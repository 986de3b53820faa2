import type { IdentityContext } from "../context";
import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialConnection } from "../generated/prisma/client";
import { requireSignedIn } from "./require-signed-in";

export function listMySocialConnections(ctx: IdentityContext): Promise<SocialConnection[]> {
  return createSocialConnectionStore(ctx.services.db).list(requireSignedIn(ctx).userId);
}
