import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext, IdentityServices } from "../context";
import { createSocialConnectionStore } from "../data/social-connection-store";
import type { SocialConnection, SocialPlatform } from "../generated/prisma/client";
import { requireSignedIn } from "./authorize";
import { audit } from "./record-audit";

export interface ConnectSocialAccountInput {
  platform: SocialPlatform;
  externalUserId: string;
  accessToken: string;
  refreshToken?: string | null;
  expiresAt?: Date | null;
}

/** What the audit log keeps of a connection: never a token. */
function auditedFields(connection: SocialConnection) {
  return {
    platform: connection.platform,
    externalUserId: connection.externalUserId,
    expiresAt: connection.expiresAt?.toISOString() ?? null,
    hasRefreshToken: connection.refreshTokenEncrypted !== null,
  };
}

export function listMySocialConnections(ctx: IdentityContext): Promise<SocialConnection[]> {
  return createSocialConnectionStore(ctx.services.db).list(requireSignedIn(ctx).userId);
}

/** `User.socialConnections`: private, so anyone but the user themself sees none. */
export async function socialConnectionsOf(ctx: IdentityContext, userId: string): Promise<SocialConnection[]> {
  const { identity } = ctx;
  if (identity.kind !== "user" || identity.userId !== userId) return [];
  return createSocialConnectionStore(ctx.services.db).list(userId);
}

/** Links the account, or relinks it: a second connect on the platform replaces the tokens. */
export async function connectSocialAccount(
  ctx: IdentityContext,
  input: ConnectSocialAccountInput,
): Promise<SocialConnection> {
  const { userId } = requireSignedIn(ctx);
  const { secretBox } = ctx.services;
  return ctx.services.db.$transaction(async (tx) => {
    const previous = await createSocialConnectionStore(tx).find(userId, input.platform);
    const connection = await createSocialConnectionStore(tx).upsert({
      userId,
      platform: input.platform,
      externalUserId: input.externalUserId,
      accessTokenEncrypted: secretBox.seal(input.accessToken),
      refreshTokenEncrypted: input.refreshToken ? secretBox.seal(input.refreshToken) : null,
      expiresAt: input.expiresAt ?? null,
    });
    await audit(tx, ctx, {
      tenantId: null,
      action: previous ? "social_connection.reconnect" : "social_connection.connect",
      resourceType: "SocialConnection",
      resourceId: connection.id,
      changes: auditedFields(connection),
    });
    return connection;
  });
}

export async function disconnectSocialAccount(
  ctx: IdentityContext,
  input: { platform: SocialPlatform },
): Promise<{ deletedSocialConnectionId: string }> {
  const { userId } = requireSignedIn(ctx);
  return ctx.services.db.$transaction(async (tx) => {
    const connection = await createSocialConnectionStore(tx).find(userId, input.platform);
    if (!connection) throw new NotFoundError("No account is linked on that platform.");
    await createSocialConnectionStore(tx).delete(connection.id);
    await audit(tx, ctx, {
      tenantId: null,
      action: "social_connection.disconnect",
      resourceType: "SocialConnection",
      resourceId: connection.id,
      changes: auditedFields(connection),
    });
    return { deletedSocialConnectionId: connection.id };
  });
}

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
