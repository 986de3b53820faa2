import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { codeOf, signUpAccount, uniqueEmail, userIdentity } from "./support/accounts";
import { addMember } from "./support/memberships";

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { membership { id role } } }`;
const TEAMS = `{ teams(first: 5) { edges { node { id } } } }`;
const CREATE_TEAM = `mutation($name: String!) { createTeam(input: { name: $name }) { team { id name } } }`;

const messageOf = (res: { errors?: { message?: string }[] }) => res.errors?.[0]?.message;

/**
 * Member operations check the role of the membership as stored when the request runs (the
 * context's member scope), whatever role the forwarded identity names.
 */
let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

describe("member scope", () => {
  test("refuses a member whose identity names a higher role than the stored one", async () => {
    const owner = await signUpAccount(h);
    const viewer = await addMember(h, owner, "VIEWER");
    const claimsAdmin = userIdentity(viewer.userId, owner.tenantId, "ADMIN", viewer.sessionId);
    const res = await h.as(claimsAdmin).gql(INVITE, { input: { email: uniqueEmail(), role: "VIEWER" } });
    expect(codeOf(res)).toBe("FORBIDDEN");
    expect(messageOf(res)).toBe("This needs the ADMIN role or higher.");
  });

  test("lets a member act with the stored role when the identity names a lower one", async () => {
    const owner = await signUpAccount(h);
    const admin = await addMember(h, owner, "ADMIN");
    const claimsViewer = userIdentity(admin.userId, owner.tenantId, "VIEWER", admin.sessionId);
    const res = await h.as(claimsViewer).gql(CREATE_TEAM, { name: "stored role" });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createTeam.team.name).toBe("stored role");
  });

  test("reports malformed input before reading any membership", async () => {
    const outsider = await signUpAccount(h, "outsider");
    const owner = await signUpAccount(h);
    const stranger = userIdentity(outsider.userId, owner.tenantId, "OWNER", outsider.sessionId);
    const malformed = await h.as(stranger).gql(INVITE, { input: { email: "not an address", role: "VIEWER" } });
    expect(codeOf(malformed)).toBe("BAD_USER_INPUT");
    const wellFormed = await h.as(stranger).gql(INVITE, { input: { email: uniqueEmail(), role: "VIEWER" } });
    expect(codeOf(wellFormed)).toBe("FORBIDDEN");
    expect(messageOf(wellFormed)).toBe("You are not a member of this tenant.");
  });

  test("tells a user without an active tenant to choose one", async () => {
    const owner = await signUpAccount(h);
    const noTenant = userIdentity(owner.userId, null, null, owner.sessionId);
    const res = await h.as(noTenant).gql(TEAMS);
    expect(codeOf(res)).toBe("FORBIDDEN");
    expect(messageOf(res)).toBe("Choose a tenant first (switchTenant), or join one.");
  });
});
