import { requireUser } from "@atelier/subgraph-kit";
import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialConnection } from "../generated/prisma/client";
import type { AccountScope } from "../scope";

export function listMySocialConnections(scope: AccountScope): Promise<SocialConnection[]> {
  return createSocialConnectionStore(scope.services.db).list(requireUser(scope).userId);
}
