import type { IdentitySubgraph } from "../fixture";
import { type Account, signUpAccount, uniqueEmail } from "./accounts";
import { addMember, type Member, REQUEST_TO_JOIN } from "./memberships";

/**
 * A tenant with one of everything: members, a pending request, an invitation, a team, an API
 * client, and the owner's linked social account.
 */
export interface TenantFixture {
  owner: Account;
  admin: Member;
  pendingRequestId: string;
  invitationId: string;
  teamId: string;
  apiClientId: string;
  notificationIds: string[];
  socialConnectionId: string;
}

export async function seedTenant(h: IdentitySubgraph, prefix: string): Promise<TenantFixture> {
  const owner = await signUpAccount(h, `${prefix}-owner`);
  const admin = await addMember(h, owner, "ADMIN", `${prefix}-admin`);
  const joiner = await signUpAccount(h, `${prefix}-joiner`);
  const request = await h.as(joiner.identity).gql(REQUEST_TO_JOIN, { input: { tenantSlug: owner.slug } });
  const invite = await h
    .as(owner.identity)
    .gql(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { membership { id user { id } } } }`, {
      input: { email: uniqueEmail(`${prefix}-invitee`), role: "VIEWER" },
    });
  const team = await h.as(owner.identity).gql(`mutation { createTeam(input: { name: "Design" }) { team { id } } }`, {});
  const teamId = team.data!.createTeam.team.id;
  await h
    .as(owner.identity)
    .gql(`mutation($input: SetTeamMemberInput!) { setTeamMember(input: $input) { team { id } } }`, {
      input: { teamId, userId: admin.userId, role: "LEAD" },
    });
  const client = await h
    .as(owner.identity)
    .gql(
      `mutation { createApiClient(input: { name: "Partner", scopes: ["creative:read"] }) { apiClient { id } apiKey } }`,
      {},
    );
  const social = await h
    .as(owner.identity)
    .gql(
      `mutation { connectSocialAccount(input: { platform: INSTAGRAM, externalUserId: "${prefix}", accessToken: "${prefix}-token" }) { socialConnection { id } } }`,
      {},
    );
  const notifications = await h.sql.query(`SELECT id FROM identity.notifications WHERE "userId" = $1`, [
    invite.data!.inviteMember.membership.user.id,
  ]);
  return {
    owner,
    admin,
    pendingRequestId: request.data!.requestToJoinTenant.membership.id,
    invitationId: invite.data!.inviteMember.membership.id,
    teamId,
    apiClientId: client.data!.createApiClient.apiClient.id,
    notificationIds: notifications.rows.map((r) => r.id as string),
    socialConnectionId: social.data!.connectSocialAccount.socialConnection.id,
  };
}

/** Everything about a tenant that a foreign caller must not be able to change. */
export async function tenantSnapshot(h: IdentitySubgraph, tenantId: string): Promise<string> {
  const tables = ["tenants", "memberships", "teams", "team_members", "api_clients", "subscriptions"];
  const parts: unknown[] = [];
  for (const table of tables) {
    const column = table === "tenants" ? "id" : '"tenantId"';
    const { rows } = await h.sql.query(`SELECT * FROM identity.${table} WHERE ${column} = $1 ORDER BY id`, [tenantId]);
    parts.push(rows);
  }
  const notifications = await h.sql.query(`SELECT * FROM identity.notifications WHERE "tenantId" = $1 ORDER BY id`, [
    tenantId,
  ]);
  parts.push(notifications.rows);
  const social = await h.sql.query(
    `SELECT * FROM identity.social_connections
     WHERE "userId" IN (SELECT "userId" FROM identity.memberships WHERE "tenantId" = $1) ORDER BY id`,
    [tenantId],
  );
  parts.push(social.rows);
  return JSON.stringify(parts);
}
