import type { Identity } from "@atelier/internal-auth";
import type { IdentitySubgraph } from "../fixture";

export const CONNECTION_FIELDS = "id platform externalUserId expiresAt expired hasRefreshToken createdAt updatedAt";
export const CONNECT = `mutation($input: ConnectSocialAccountInput!) {
  connectSocialAccount(input: $input) { socialConnection { ${CONNECTION_FIELDS} } }
}`;
export const DISCONNECT = `mutation($platform: SocialPlatform!) {
  disconnectSocialAccount(input: { platform: $platform }) { deletedSocialConnectionId }
}`;
export const MINE = `{ mySocialConnections { ${CONNECTION_FIELDS} } }`;

export interface ConnectInput {
  platform: string;
  externalUserId: string;
  accessToken: string;
  refreshToken?: string | null;
  expiresAt?: string | null;
}

export function connect(h: IdentitySubgraph, identity: Identity, input: ConnectInput) {
  return h.as(identity).gql(CONNECT, { input });
}

/** The stored row as the database holds it, tokens still sealed. */
export async function storedConnection(h: IdentitySubgraph, userId: string, platform: string) {
  const { rows } = await h.sql.query(
    `SELECT * FROM identity.social_connections WHERE "userId" = $1 AND platform = $2::identity."SocialPlatform"`,
    [userId, platform],
  );
  return rows[0] as Record<string, unknown> | undefined;
}

export async function socialAuditRows(h: IdentitySubgraph, userId: string) {
  const { rows } = await h.sql.query(
    `SELECT action, resource_id, tenant_id, actor_id, changes FROM audit.audit_events
     WHERE resource_type = 'SocialConnection' AND actor_id = $1 ORDER BY created_at, id`,
    [userId],
  );
  return rows;
}
