import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { codeOf, userIdentity } from "./support/accounts";
import { seedTenant, type TenantFixture, tenantSnapshot } from "./support/tenant-fixture";

let h: IdentitySubgraph;
let a: TenantFixture;
let b: TenantFixture;

test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  a = await seedTenant(h, "a");
  b = await seedTenant(h, "b");
});

type Case = {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
  expectCode?: string;
  noneOfA?: boolean;
};

/** Every identity operation, called by tenant B's OWNER with tenant A's ids. */
const cases: Case[] = [
  { name: "Query.currentTenant", query: "{ currentTenant { id } }", variables: () => ({}), noneOfA: true },
  {
    name: "Query.memberships",
    query: "{ memberships(first: 100) { edges { node { id user { id } } } } }",
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Query.memberships(PENDING)",
    query: `{ memberships(filter: { status: PENDING }) { edges { node { id } } } }`,
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Query.myMemberships",
    query: "{ myMemberships { id tenant { id } } }",
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Query.teams",
    query: "{ teams { edges { node { id members { edges { node { id user { id } } } } } } } }",
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Query.team",
    query: "query($id: ID!) { team(id: $id) { id } }",
    variables: () => ({ id: a.teamId }),
    noneOfA: true,
  },
  {
    name: "Query.apiClients",
    query: "{ apiClients { edges { node { id keyId } } } }",
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Query.auditEvents",
    query: "{ auditEvents(first: 100) { edges { node { id resourceId actorId } } } }",
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Query.auditEvents(resource history of A)",
    query: "query($id: String) { auditEvents(filter: { resourceId: $id }) { edges { node { id } } } }",
    variables: () => ({ id: a.teamId }),
    noneOfA: true,
  },
  {
    name: "Query.myActivity",
    query: "{ myActivity { edges { node { id resourceId } } } }",
    variables: () => ({}),
    noneOfA: true,
  },
  { name: "Query.me", query: "{ me { id } }", variables: () => ({}), noneOfA: true },
  { name: "Query.mySessions", query: "{ mySessions { id } }", variables: () => ({}), noneOfA: true },
  {
    name: "Query.mySocialConnections",
    query: "{ mySocialConnections { id externalUserId } }",
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Mutation.connectSocialAccount",
    query: `mutation { connectSocialAccount(input: { platform: INSTAGRAM, externalUserId: "a", accessToken: "t" }) { socialConnection { id } } }`,
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Mutation.disconnectSocialAccount",
    query: "mutation { disconnectSocialAccount(input: { platform: INSTAGRAM }) { deletedSocialConnectionId } }",
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Query.myNotifications",
    query: "{ myNotifications { edges { node { id } } } }",
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Query._entities(Tenant)",
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { id name } } }`,
    variables: () => ({ r: [{ __typename: "Tenant", id: a.owner.tenantId }] }),
    noneOfA: true,
  },
  {
    name: "Query._entities(User)",
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }`,
    variables: () => ({ r: [{ __typename: "User", id: a.owner.userId }] }),
    noneOfA: true,
  },
  {
    name: "Mutation.approveMembership",
    query: `mutation($id: ID!) { approveMembership(input: { membershipId: $id }) { membership { id } } }`,
    variables: () => ({ id: a.pendingRequestId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.rejectMembership",
    query: `mutation($id: ID!) { rejectMembership(input: { membershipId: $id }) { membership { id } } }`,
    variables: () => ({ id: a.pendingRequestId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.revokeMembership",
    query: `mutation($id: ID!) { revokeMembership(input: { membershipId: $id }) { membership { id } } }`,
    variables: () => ({ id: a.admin.membershipId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.changeMemberRole",
    query: `mutation($id: ID!) { changeMemberRole(input: { membershipId: $id, role: VIEWER }) { membership { id } } }`,
    variables: () => ({ id: a.admin.membershipId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.acceptInvitation",
    query: `mutation($id: ID!) { acceptInvitation(input: { membershipId: $id }) { membership { id } } }`,
    variables: () => ({ id: a.invitationId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.declineInvitation",
    query: `mutation($id: ID!) { declineInvitation(input: { membershipId: $id }) { membership { id } } }`,
    variables: () => ({ id: a.invitationId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.updateTeam",
    query: `mutation($id: ID!) { updateTeam(input: { teamId: $id, name: "Taken" }) { team { id } } }`,
    variables: () => ({ id: a.teamId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.deleteTeam",
    query: `mutation($id: ID!) { deleteTeam(input: { teamId: $id }) { deletedTeamId } }`,
    variables: () => ({ id: a.teamId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.setTeamMember (A's team)",
    query: `mutation($id: ID!, $u: ID!) { setTeamMember(input: { teamId: $id, userId: $u }) { team { id } } }`,
    variables: () => ({ id: a.teamId, u: b.owner.userId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.setTeamMember (A's user)",
    query: `mutation($id: ID!, $u: ID!) { setTeamMember(input: { teamId: $id, userId: $u }) { team { id } } }`,
    variables: () => ({ id: b.teamId, u: a.owner.userId }),
    expectCode: "BAD_USER_INPUT",
  },
  {
    name: "Mutation.removeTeamMember",
    query: `mutation($id: ID!, $u: ID!) { removeTeamMember(input: { teamId: $id, userId: $u }) { team { id } } }`,
    variables: () => ({ id: a.teamId, u: a.admin.userId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.rotateApiClientSecret",
    query: `mutation($id: ID!) { rotateApiClientSecret(input: { id: $id }) { apiKey } }`,
    variables: () => ({ id: a.apiClientId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.updateApiClient",
    query: `mutation($id: ID!) { updateApiClient(input: { id: $id, scopes: ["creative:write"] }) { apiClient { id } } }`,
    variables: () => ({ id: a.apiClientId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.revokeApiClient",
    query: `mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { id } } }`,
    variables: () => ({ id: a.apiClientId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.revokeSession",
    query: `mutation($id: ID!) { revokeSession(input: { id: $id }) { revoked } }`,
    variables: () => ({ id: a.owner.sessionId }),
    expectCode: "NOT_FOUND",
  },
  {
    name: "Mutation.switchTenant",
    query: `mutation($id: ID!) { switchTenant(input: { tenantId: $id }) { accessToken } }`,
    variables: () => ({ id: a.owner.tenantId }),
    expectCode: "FORBIDDEN",
  },
  {
    name: "Mutation.markNotificationsRead",
    query: `mutation($ids: [ID!]!) { markNotificationsRead(input: { ids: $ids }) { count } }`,
    variables: () => ({ ids: a.notificationIds }),
  },
  {
    name: "Mutation.updateTenant",
    query: `mutation { updateTenant(input: { name: "B renamed" }) { tenant { id } } }`,
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Mutation.changeTenantPlan",
    query: `mutation { changeTenantPlan(input: { planCode: "STUDIO" }) { tenant { id } } }`,
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Mutation.createTeam",
    query: `mutation { createTeam(input: { name: "Sound" }) { team { id } } }`,
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Mutation.createApiClient",
    query: `mutation { createApiClient(input: { name: "P", scopes: [] }) { apiClient { id } } }`,
    variables: () => ({}),
    noneOfA: true,
  },
  {
    name: "Mutation.inviteMember",
    query: `mutation { inviteMember(input: { email: "someone@example.com", role: VIEWER }) { membership { tenant { id } } } }`,
    variables: () => ({}),
    noneOfA: true,
  },
];

function aIds(): string[] {
  return [
    a.owner.tenantId,
    a.owner.userId,
    a.admin.userId,
    a.admin.membershipId,
    a.pendingRequestId,
    a.invitationId,
    a.teamId,
    a.apiClientId,
    a.owner.sessionId,
    a.socialConnectionId,
    ...a.notificationIds,
  ];
}

describe("tenant isolation: a member of tenant B cannot read or change tenant A", () => {
  test.each(cases)("$name", async ({ query, variables, expectCode, noneOfA }) => {
    const before = await tenantSnapshot(h, a.owner.tenantId);
    const res = await h.as(b.owner.identity).gql(query, variables());
    if (expectCode) expect(codeOf(res)).toBe(expectCode);
    if (noneOfA) expect(res.errors).toBeUndefined();
    const body = JSON.stringify(res.data ?? {});
    for (const id of aIds()) expect(body).not.toContain(id);
    if (query.includes("markNotificationsRead")) expect(res.data?.markNotificationsRead.count).toBe(0);
    expect(await tenantSnapshot(h, a.owner.tenantId)).toBe(before);
  });

  test("refuses a caller whose token claims tenant A without an approved membership there", async () => {
    const claimsA = userIdentity(b.owner.userId, a.owner.tenantId, "OWNER", b.owner.sessionId);
    for (const query of [
      "{ memberships { edges { node { id } } } }",
      "{ apiClients { edges { node { id } } } }",
      "{ auditEvents { edges { node { id } } } }",
      "{ teams { edges { node { id } } } }",
    ]) {
      expect(codeOf(await h.as(claimsA).gql(query, {}))).toBe("FORBIDDEN");
    }
  });
});
