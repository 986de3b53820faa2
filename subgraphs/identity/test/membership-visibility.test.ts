import { randomBytes } from "node:crypto";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { type Account, signUpAccount, uniqueEmail, userIdentity } from "./support/accounts";
import { addMember, REQUEST_TO_JOIN } from "./support/memberships";

const TENANT_PROFILE =
  "id name slug industry contactEmail contactPhone headquartersAddress branches crmId settings plan { id }";
const USER_PROFILE = "id email username fullName pictureUrl emailVerified mfaEnabled lastLoginAt language timezone";
const JOIN = `mutation($input: RequestToJoinTenantInput!) { requestToJoinTenant(input: $input) { membership { id tenant { ${TENANT_PROFILE} } } } }`;
const MINE = `{ myMemberships { status tenant { ${TENANT_PROFILE} } } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { membership { id user { ${USER_PROFILE} } invitedBy { id } } } }`;
const UPDATE_TENANT = "mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { tenant { id } } }";
const REVOKE = "mutation($input: MembershipIdInput!) { revokeMembership(input: $input) { membership { status } } }";

const NAME_ONLY = {
  industry: null,
  contactEmail: null,
  contactPhone: null,
  headquartersAddress: null,
  branches: [],
  crmId: null,
  settings: {},
  plan: null,
};

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

/** A tenant whose private profile is filled in, so a leak shows. */
async function tenantWithPrivateProfile(): Promise<Account> {
  const owner = await signUpAccount(h);
  const input = {
    industry: "advertising",
    contactEmail: "ceo@secret.test",
    contactPhone: "+1 555 0100",
    headquartersAddress: "1 Hidden Lane",
    branches: [{ name: "HQ", address: "1 Hidden Lane" }],
    crmId: `crm-${randomBytes(4).toString("hex")}`,
    settings: { secretFlag: true },
  };
  const res = await h.as(owner.identity).gql(UPDATE_TENANT, { input });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return owner;
}

describe("a tenant seen by someone who is not its APPROVED member", () => {
  test("shows a join request's tenant by name and slug only", async () => {
    const owner = await tenantWithPrivateProfile();
    const stranger = await signUpAccount(h, "stranger");
    const res = await h.as(stranger.identity).gql(JOIN, { input: { tenantSlug: owner.slug } });
    expect(res.data?.requestToJoinTenant.membership.tenant).toMatchObject({
      id: owner.tenantId,
      slug: owner.slug,
      ...NAME_ONLY,
    });
  });

  test("keeps myMemberships' tenant to name and slug while PENDING and after REVOKED", async () => {
    const owner = await tenantWithPrivateProfile();
    const member = await addMember(h, owner, "EDITOR");
    const own = userIdentity(member.userId, null, null, member.sessionId);
    const whileApproved = await h.as(own).gql(MINE, {});
    expect(
      whileApproved.data?.myMemberships.find((m: { tenant: { id: string } }) => m.tenant.id === owner.tenantId)?.tenant
        .crmId,
    ).toMatch(/^crm-/);

    await h.as(owner.identity).gql(REVOKE, { input: { membershipId: member.membershipId } });
    const afterRevoke = await h.as(own).gql(MINE, {});
    const revoked = afterRevoke.data?.myMemberships.find(
      (m: { tenant: { id: string } }) => m.tenant.id === owner.tenantId,
    );
    expect(revoked).toMatchObject({ status: "REVOKED", tenant: { slug: owner.slug, ...NAME_ONLY } });

    const pending = await signUpAccount(h, "pending");
    await h.as(pending.identity).gql(REQUEST_TO_JOIN, { input: { tenantSlug: owner.slug } });
    const whilePending = await h.as(userIdentity(pending.userId, null, null, pending.sessionId)).gql(MINE, {});
    const asked = whilePending.data?.myMemberships.find(
      (m: { tenant: { id: string } }) => m.tenant.id === owner.tenantId,
    );
    expect(asked).toMatchObject({ status: "PENDING", tenant: { slug: owner.slug, ...NAME_ONLY } });
  });
});

describe("an invitee seen by the inviter", () => {
  test("shows the address typed and nothing of an existing account", async () => {
    const owner = await signUpAccount(h);
    const existing = await signUpAccount(h, "known");
    const res = await h.as(owner.identity).gql(INVITE, { input: { email: existing.email, role: "VIEWER" } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.inviteMember.membership.user).toMatchObject({
      email: existing.email,
      username: "",
      fullName: "",
      pictureUrl: null,
      emailVerified: false,
      mfaEnabled: false,
      lastLoginAt: null,
    });
  });

  test("answers alike for an address with an account and one without", async () => {
    const owner = await signUpAccount(h);
    const existing = await signUpAccount(h, "known");
    const known = await h.as(owner.identity).gql(INVITE, { input: { email: existing.email, role: "VIEWER" } });
    const unknown = await h.as(owner.identity).gql(INVITE, { input: { email: uniqueEmail("nobody"), role: "VIEWER" } });
    const shape = (user: Record<string, unknown>) => ({ ...user, id: "-", email: "-" });
    expect(shape(known.data?.inviteMember.membership.user)).toEqual(shape(unknown.data?.inviteMember.membership.user));
  });

  test("shows the invitee's profile once they are an APPROVED member", async () => {
    const owner = await signUpAccount(h);
    const member = await addMember(h, owner, "VIEWER");
    const res = await h
      .as(owner.identity)
      .gql(`{ memberships(first: 50) { edges { node { user { id fullName } } } } }`, {});
    const users = res.data?.memberships.edges.map((e: { node: { user: unknown } }) => e.node.user);
    expect(users).toContainEqual({ id: member.userId, fullName: "viewer person" });
  });
});
