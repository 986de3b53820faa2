import { requireUser } from "@atelier/subgraph-kit";
import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialConnection, SocialPlatform } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { recordAudit } from "./record-audit";
import { socialConnectionAuditFields } from "./social-connection-audit-fields";

export interface ConnectSocialAccountInput {
  platform: SocialPlatform;
  externalUserId: string;
  accessToken: string;
  refreshToken?: string | null;
  expiresAt?: Date | null;
}

/** Links the account, or relinks it: a second connect on the platform replaces the tokens. */
export async function connectSocialAccount(
  scope: AccountScope,
  input: ConnectSocialAccountInput,
): Promise<SocialConnection> {
  const { userId } = requireUser(scope);
  const { secretBox } = scope.services;
  return scope.services.db.$transaction(async (tx) => {
    const previous = await createSocialConnectionStore(tx).find(userId, input.platform);
    const connection = await createSocialConnectionStore(tx).upsert({
      userId,
      platform: input.platform,
      externalUserId: input.externalUserId,
      accessTokenEncrypted: secretBox.seal(input.accessToken),
      refreshTokenEncrypted: input.refreshToken ? secretBox.seal(input.refreshToken) : null,
      expiresAt: input.expiresAt ?? null,
    });
    await recordAudit(tx, scope, {
      tenantId: null,
      action: previous ? "social_connection.reconnect" : "social_connection.connect",
      resourceType: "SocialConnection",
      resourceId: connection.id,
      changes: socialConnectionAuditFields(connection),
    });
    return connection;
  });
}
