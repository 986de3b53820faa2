import { ANONYMOUS } from "@atelier/internal-auth";
import { describe, expect } from "vitest";
import { currentTotpCode } from "../src/auth/totp";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { AUTH_FIELDS, codeOf, LOGIN, PASSWORD, signUpAccount } from "./support/accounts";

const BEGIN = "mutation { beginMfaEnrollment { secret otpauthUri } }";
const CONFIRM = "mutation($code: String!) { confirmMfaEnrollment(input: { code: $code }) { user { mfaEnabled } } }";
const COMPLETE = `mutation($input: CompleteMfaLoginInput!) { completeMfaLogin(input: $input) { ${AUTH_FIELDS} } }`;

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

async function enrolledAccount() {
  const account = await signUpAccount(h);
  const begin = await h.as(account.identity).gql(BEGIN, {});
  const secret = begin.data!.beginMfaEnrollment.secret as string;
  expect(begin.data!.beginMfaEnrollment.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
  // The code used to confirm is spent; login uses the next time step.
  const confirm = await h.as(account.identity).gql(CONFIRM, { code: currentTotpCode(secret, Date.now() - 30_000) });
  expect(confirm.data?.confirmMfaEnrollment.user.mfaEnabled).toBe(true);
  return { account, secret };
}

describe("TOTP MFA", () => {
  test("stores the secret encrypted, not in plain text", async () => {
    const { account, secret } = await enrolledAccount();
    const { rows } = await h.sql.query(`SELECT "mfaSecretEncrypted" FROM identity.users WHERE id = $1`, [
      account.userId,
    ]);
    expect(rows[0].mfaSecretEncrypted).toBeTruthy();
    expect(rows[0].mfaSecretEncrypted).not.toContain(secret);
  });

  test("asks for a code at login and issues tokens after completeMfaLogin", async () => {
    const { account, secret } = await enrolledAccount();
    const first = await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: PASSWORD } });
    expect(first.data?.login).toMatchObject({ mfaRequired: true, accessToken: null, refreshToken: null });
    const done = await h.as(ANONYMOUS).gql(COMPLETE, {
      input: { mfaToken: first.data!.login.mfaToken, code: currentTotpCode(secret) },
    });
    expect(done.errors).toBeUndefined();
    expect(done.data?.completeMfaLogin.accessToken).toBeTruthy();
    expect(done.data?.completeMfaLogin.user.id).toBe(account.userId);
  });

  test("refuses a wrong code and a replayed one", async () => {
    const { account, secret } = await enrolledAccount();
    const login = async () =>
      (await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: PASSWORD } })).data!.login.mfaToken;
    expect(codeOf(await h.as(ANONYMOUS).gql(COMPLETE, { input: { mfaToken: await login(), code: "000000" } }))).toBe(
      "UNAUTHENTICATED",
    );
    const code = currentTotpCode(secret);
    expect((await h.as(ANONYMOUS).gql(COMPLETE, { input: { mfaToken: await login(), code } })).errors).toBeUndefined();
    expect(codeOf(await h.as(ANONYMOUS).gql(COMPLETE, { input: { mfaToken: await login(), code } }))).toBe(
      "UNAUTHENTICATED",
    );
  });

  test("refuses a forged MFA token", async () => {
    const res = await h
      .as(ANONYMOUS)
      .gql(COMPLETE, { input: { mfaToken: "eyJhbGciOiJub25lIn0.e30.", code: "123456" } });
    expect(codeOf(res)).toBe("UNAUTHENTICATED");
  });
});
