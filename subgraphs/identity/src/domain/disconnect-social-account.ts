import { NotFoundError, requireUser } from "@atelier/subgraph-kit";
import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialPlatform } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { recordAudit } from "./record-audit";
import { socialConnectionAuditFields } from "./social-connection-audit-fields";

export async function disconnectSocialAccount(
  scope: AccountScope,
  input: { platform: SocialPlatform },
): Promise<{ deletedSocialConnectionId: string }> {
  const { userId } = requireUser(scope);
  return scope.services.db.$transaction(async (tx) => {
    const connection = await createSocialConnectionStore(tx).find(userId, input.platform);
    if (!connection) throw new NotFoundError("No account is linked on that platform.");
    await createSocialConnectionStore(tx).delete(connection.id);
    await recordAudit(tx, scope, {
      tenantId: null,
      action: "social_connection.disconnect",
      resourceType: "SocialConnection",
      resourceId: connection.id,
      changes: socialConnectionAuditFields(connection),
    });
    return { deletedSocialConnectionId: connection.id };
  });
}
