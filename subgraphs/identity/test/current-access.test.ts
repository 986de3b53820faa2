import { ANONYMOUS } from "@atelier/internal-auth";
import { systemIdentity } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { type Account, signUpAccount, userIdentity } from "./support/accounts";
import { addMember } from "./support/memberships";

const RESOLVE = "/internal/access/resolve";
const REVOKE = `mutation($id: ID!) { revokeMembership(input: { membershipId: $id }) { membership { id } } }`;
const DEMOTE = `mutation($id: ID!) { changeMemberRole(input: { membershipId: $id, role: VIEWER }) { membership { id } } }`;

let h: IdentitySubgraph;
let owner: Account;
const notices: Record<string, unknown>[] = [];
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  owner = await signUpAccount(h);
  await h.service.services.bus.subscribe("access_changes", (message) => notices.push(message));
});

const subject = (a: Account, tenantId: string | null = a.tenantId) => ({
  userId: a.userId,
  tenantId,
  sessionId: a.sessionId,
});
async function resolve(...subjects: ReturnType<typeof subject>[]) {
  const answer = await h.as(systemIdentity("gateway")).post(RESOLVE, { subjects });
  expect(answer.status).toBe(200);
  return answer.body.results;
}
const noticeFor = (userId: string) => expect.poll(() => notices.some((n) => n.userId === userId)).toBe(true);

describe("the gateway's current-access endpoint", () => {
  test("answers many subjects at once, in order, from the stored membership and session", async () => {
    const editor = await addMember(h, owner, "EDITOR");
    const stranger = await signUpAccount(h, "stranger");
    expect(await resolve(subject(owner), subject(editor, owner.tenantId), subject(stranger, owner.tenantId))).toEqual([
      { signedIn: true, role: "OWNER" },
      { signedIn: true, role: "EDITOR" },
      { signedIn: true, role: null },
    ]);
  });

  test("follows a demotion and a removal, and announces each after commit", async () => {
    const editor = await addMember(h, owner, "EDITOR");
    await h.as(owner.identity).gql(DEMOTE, { id: editor.membershipId });
    await noticeFor(editor.userId);
    expect(await resolve(subject(editor, owner.tenantId))).toEqual([{ signedIn: true, role: "VIEWER" }]);
    notices.length = 0;
    await h.as(owner.identity).gql(REVOKE, { id: editor.membershipId });
    await noticeFor(editor.userId);
    expect(await resolve(subject(editor, owner.tenantId))).toEqual([{ signedIn: true, role: null }]);
  });

  test("reports a logged-out session as signed out, and announces it", async () => {
    const account = await signUpAccount(h, "leaving");
    const logout = await h.as(account.identity).gql("mutation { logout { revoked } }", {});
    expect(logout.data?.logout.revoked).toBe(true);
    await noticeFor(account.userId);
    expect(await resolve(subject(account))).toEqual([{ signedIn: false, role: null }]);
  });

  test("reports a revoked session as signed out, and a session of another user as not this one's", async () => {
    const account = await signUpAccount(h, "revoked");
    const other = await signUpAccount(h, "other");
    expect(await resolve({ ...subject(account), sessionId: other.sessionId })).toEqual([
      { signedIn: false, role: null },
    ]);
    const revoke = await h
      .as(userIdentity(account.userId, account.tenantId, "OWNER", account.sessionId))
      .gql("mutation($id: ID!) { revokeSession(input: { id: $id }) { revoked } }", { id: account.sessionId });
    expect(revoke.errors).toBeUndefined();
    expect(await resolve(subject(account))).toEqual([{ signedIn: false, role: null }]);
  });

  test("reports every session ended by a password reset as signed out, and announces it", async () => {
    const account = await signUpAccount(h, "forgetful");
    await h
      .as(ANONYMOUS)
      .gql("mutation($email: EmailAddress!) { requestPasswordReset(input: { email: $email }) { ok } }", {
        email: account.email,
      });
    const mail = h.service.mailbox.filter((m) => m.to === account.email).at(-1);
    const token = decodeURIComponent(mail!.text.split("token=")[1]!.trim());
    notices.length = 0;
    const reset = await h
      .as(ANONYMOUS)
      .gql(
        'mutation($token: String!) { resetPassword(input: { token: $token, newPassword: "a brand new password" }) { ok } }',
        { token },
      );
    expect(reset.data?.resetPassword.ok).toBe(true);
    await noticeFor(account.userId);
    expect(await resolve(subject(account))).toEqual([{ signedIn: false, role: null }]);
  });

  test("is for the gateway only and refuses a malformed subject", async () => {
    expect((await h.as(owner.identity).post(RESOLVE, { subjects: [subject(owner)] })).status).toBe(401);
    expect(
      (
        await h
          .as(systemIdentity("gateway"))
          .post(RESOLVE, { subjects: [{ userId: "nope", tenantId: null, sessionId: null }] })
      ).status,
    ).toBe(400);
  });
});
