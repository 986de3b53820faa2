import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialPlatform } from "../generated/prisma/client";
import { recordAudit } from "./record-audit";
import { requireSignedIn } from "./require-signed-in";
import { socialConnectionAuditFields } from "./social-connection-audit-fields";

export async function disconnectSocialAccount(
  ctx: IdentityContext,
  input: { platform: SocialPlatform },
): Promise<{ deletedSocialConnectionId: string }> {
  const { userId } = requireSignedIn(ctx);
  return ctx.services.db.$transaction(async (tx) => {
    const connection = await createSocialConnectionStore(tx).find(userId, input.platform);
    if (!connection) throw new NotFoundError("No account is linked on that platform.");
    await createSocialConnectionStore(tx).delete(connection.id);
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: "social_connection.disconnect",
      resourceType: "SocialConnection",
      resourceId: connection.id,
      changes: socialConnectionAuditFields(connection),
    });
    return { deletedSocialConnectionId: connection.id };
  });
}
