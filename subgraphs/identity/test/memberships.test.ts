import { ANONYMOUS } from "@atelier/internal-auth";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { codeOf, signUpAccount, uniqueEmail } from "./support/accounts";
import { APPROVE, addMember, MEMBERSHIP_FIELDS, REQUEST_TO_JOIN } from "./support/memberships";

const payload = `{ membership { ${MEMBERSHIP_FIELDS} } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) ${payload} }`;
const REJECT = `mutation($input: MembershipIdInput!) { rejectMembership(input: $input) ${payload} }`;
const REVOKE = `mutation($input: MembershipIdInput!) { revokeMembership(input: $input) ${payload} }`;
const CHANGE_ROLE = `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) ${payload} }`;
const MEMBERS = `query($filter: MembershipFilter) { memberships(first: 50, filter: $filter) { edges { node { id role status } } pageInfo { hasNextPage } } }`;

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

describe("memberships", () => {
  test("turns a request to join into a PENDING REQUESTED membership that an ADMIN approves", async () => {
    const owner = await signUpAccount(h);
    const joiner = await signUpAccount(h, "joiner");
    const req = await h.as(joiner.identity).gql(REQUEST_TO_JOIN, { input: { tenantSlug: owner.slug } });
    expect(req.data?.requestToJoinTenant.membership).toMatchObject({
      status: "PENDING",
      origin: "REQUESTED",
      role: "VIEWER",
    });
    const approved = await h
      .as(owner.identity)
      .gql(APPROVE, { input: { membershipId: req.data!.requestToJoinTenant.membership.id, role: "EDITOR" } });
    expect(approved.data?.approveMembership.membership).toMatchObject({ status: "APPROVED", role: "EDITOR" });
  });

  test("rejects a pending request", async () => {
    const owner = await signUpAccount(h);
    const joiner = await signUpAccount(h, "joiner");
    const req = await h.as(joiner.identity).gql(REQUEST_TO_JOIN, { input: { tenantSlug: owner.slug } });
    const rejected = await h
      .as(owner.identity)
      .gql(REJECT, { input: { membershipId: req.data!.requestToJoinTenant.membership.id } });
    expect(rejected.data?.rejectMembership.membership.status).toBe("REJECTED");
  });

  test("invites by e-mail, creating the account lazily, and the verified invitee accepts", async () => {
    const owner = await signUpAccount(h);
    const email = uniqueEmail("invitee");
    const invited = await h.as(owner.identity).gql(INVITE, { input: { email, role: "EDITOR" } });
    expect(invited.data?.inviteMember.membership).toMatchObject({
      status: "PENDING",
      origin: "INVITED",
      role: "EDITOR",
    });
    expect(h.service.mailbox.some((m) => m.to === email)).toBe(true);
    // Signing up with the invited address claims the account created by the invitation.
    const res = await h
      .as(ANONYMOUS)
      .gql(`mutation($input: SignUpInput!) { signUp(input: $input) { user { id } session { id } } }`, {
        input: { email, password: "invitee password 1", fullName: "Invitee", tenantName: "Invitee Co" },
      });
    const userId = res.data!.signUp.user.id;
    expect(userId).toBe(invited.data!.inviteMember.membership.user.id);
    const identity = {
      kind: "user" as const,
      userId,
      tenantId: null,
      role: null,
      sessionId: res.data!.signUp.session.id,
      scopes: [],
    };
    const ACCEPT = `mutation($input: InvitationInput!) { acceptInvitation(input: $input) ${payload} }`;
    const membershipId = invited.data!.inviteMember.membership.id;
    expect(codeOf(await h.as(identity).gql(ACCEPT, { input: { membershipId } }))).toBe("FORBIDDEN");
    const token = decodeURIComponent(
      h.service.mailbox
        .filter((m) => m.to === email)
        .at(-1)!
        .text.split("token=")[1]!,
    );
    await h
      .as(ANONYMOUS)
      .gql(`mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { ok } }`, { input: { token } });
    const accepted = await h.as(identity).gql(ACCEPT, { input: { membershipId } });
    expect(accepted.data?.acceptInvitation.membership.status).toBe("APPROVED");
  });

  test("refuses membership management to EDITOR and VIEWER members", async () => {
    const owner = await signUpAccount(h);
    for (const role of ["EDITOR", "VIEWER"] as const) {
      const member = await addMember(h, owner, role);
      const res = await h.as(member.inTenant).gql(INVITE, { input: { email: uniqueEmail(), role: "VIEWER" } });
      expect(codeOf(res)).toBe("FORBIDDEN");
    }
  });

  test("lets only an OWNER grant the OWNER role", async () => {
    const owner = await signUpAccount(h);
    const admin = await addMember(h, owner, "ADMIN");
    const editor = await addMember(h, owner, "EDITOR");
    expect(
      codeOf(
        await h.as(admin.inTenant).gql(CHANGE_ROLE, { input: { membershipId: editor.membershipId, role: "OWNER" } }),
      ),
    ).toBe("FORBIDDEN");
    const promoted = await h
      .as(owner.identity)
      .gql(CHANGE_ROLE, { input: { membershipId: editor.membershipId, role: "OWNER" } });
    expect(promoted.data?.changeMemberRole.membership.role).toBe("OWNER");
  });

  test("cannot revoke or demote the last OWNER", async () => {
    const owner = await signUpAccount(h);
    const members = await h.as(owner.identity).gql(MEMBERS, { filter: { role: "OWNER" } });
    const ownerMembershipId = members.data!.memberships.edges[0].node.id;
    expect(codeOf(await h.as(owner.identity).gql(REVOKE, { input: { membershipId: ownerMembershipId } }))).toBe(
      "CONFLICT",
    );
    expect(
      codeOf(
        await h.as(owner.identity).gql(CHANGE_ROLE, { input: { membershipId: ownerMembershipId, role: "ADMIN" } }),
      ),
    ).toBe("CONFLICT");
  });

  test("revokes a member, whose role checks then fail at once", async () => {
    const owner = await signUpAccount(h);
    const admin = await addMember(h, owner, "ADMIN");
    const revoked = await h.as(owner.identity).gql(REVOKE, { input: { membershipId: admin.membershipId } });
    expect(revoked.data?.revokeMembership.membership.status).toBe("REVOKED");
    const attempt = await h.as(admin.inTenant).gql(INVITE, { input: { email: uniqueEmail(), role: "VIEWER" } });
    expect(codeOf(attempt)).toBe("FORBIDDEN");
  });

  test("shows pending memberships only to admins", async () => {
    const owner = await signUpAccount(h);
    const viewer = await addMember(h, owner, "VIEWER");
    expect(codeOf(await h.as(viewer.inTenant).gql(MEMBERS, { filter: { status: "PENDING" } }))).toBe("FORBIDDEN");
    const approved = await h.as(viewer.inTenant).gql(MEMBERS, {});
    expect(approved.data?.memberships.edges).toHaveLength(2);
  });

  test("refuses role-checked operations in a suspended tenant", async () => {
    const owner = await signUpAccount(h);
    await h.sql.query(`UPDATE identity.tenants SET status = 'SUSPENDED' WHERE id = $1`, [owner.tenantId]);
    expect(codeOf(await h.as(owner.identity).gql(MEMBERS, {}))).toBe("FORBIDDEN");
  });
});
