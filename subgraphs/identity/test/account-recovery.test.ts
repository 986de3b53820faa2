import { ANONYMOUS } from "@atelier/internal-auth";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { AUTH_FIELDS, codeOf, LOGIN, PASSWORD, signUpAccount, uniqueEmail } from "./support/accounts";

const REQUEST_RESET = "mutation($email: EmailAddress!) { requestPasswordReset(input: { email: $email }) { ok } }";
const RESET =
  "mutation($token: String!, $pw: String!) { resetPassword(input: { token: $token, newPassword: $pw }) { ok } }";
const VERIFY = "mutation($token: String!) { verifyEmail(input: { token: $token }) { ok } }";
const REFRESH = `mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { ${AUTH_FIELDS} } }`;

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

function lastTokenFor(email: string): string {
  const mail = h.service.mailbox.filter((m) => m.to === email).at(-1);
  return decodeURIComponent(mail!.text.split("token=")[1]!.trim());
}

describe("e-mail verification and password reset", () => {
  test("verifies the e-mail address with the token sent at sign-up, once", async () => {
    const account = await signUpAccount(h);
    const token = lastTokenFor(account.email);
    expect((await h.as(ANONYMOUS).gql(VERIFY, { token })).data?.verifyEmail.ok).toBe(true);
    const me = await h.as(account.identity).gql("{ me { emailVerified } }", {});
    expect(me.data?.me.emailVerified).toBe(true);
    expect(codeOf(await h.as(ANONYMOUS).gql(VERIFY, { token }))).toBe("BAD_USER_INPUT");
  });

  test("stores reset tokens hashed", async () => {
    const account = await signUpAccount(h);
    await h.as(ANONYMOUS).gql(REQUEST_RESET, { email: account.email });
    const token = lastTokenFor(account.email);
    const { rows } = await h.sql.query(`SELECT "tokenHash" FROM identity.user_tokens WHERE "tokenHash" = $1`, [token]);
    expect(rows).toHaveLength(0);
  });

  test("resets the password, ends every session, and the token works once", async () => {
    const account = await signUpAccount(h);
    await h.as(ANONYMOUS).gql(REQUEST_RESET, { email: account.email });
    const token = lastTokenFor(account.email);
    expect((await h.as(ANONYMOUS).gql(RESET, { token, pw: "a brand new password" })).data?.resetPassword.ok).toBe(true);
    expect(codeOf(await h.as(ANONYMOUS).gql(REFRESH, { t: account.refreshToken }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: PASSWORD } }))).toBe(
      "UNAUTHENTICATED",
    );
    expect(
      (await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: "a brand new password" } })).errors,
    ).toBeUndefined();
    expect(codeOf(await h.as(ANONYMOUS).gql(RESET, { token, pw: "yet another password" }))).toBe("BAD_USER_INPUT");
  });

  test("answers ok for an unknown address without sending mail", async () => {
    const email = uniqueEmail("nobody");
    expect((await h.as(ANONYMOUS).gql(REQUEST_RESET, { email })).data?.requestPasswordReset.ok).toBe(true);
    expect(h.service.mailbox.some((m) => m.to === email)).toBe(false);
  });

  test("refuses an expired reset token", async () => {
    const account = await signUpAccount(h);
    await h.as(ANONYMOUS).gql(REQUEST_RESET, { email: account.email });
    const token = lastTokenFor(account.email);
    await h.sql.query(`UPDATE identity.user_tokens SET "expiresAt" = now() - interval '1 minute' WHERE "userId" = $1`, [
      account.userId,
    ]);
    expect(codeOf(await h.as(ANONYMOUS).gql(RESET, { token, pw: "a brand new password" }))).toBe("BAD_USER_INPUT");
  });
});
