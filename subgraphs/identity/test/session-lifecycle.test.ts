import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_FIELDS, codeOf, LOGIN, PASSWORD, signUpAccount } from "./support/accounts";
import { type Harness, startHarness } from "./support/identity-harness";

const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { ${AUTH_FIELDS} } }`;
const LOGOUT = "mutation { logout { revoked } }";
const MY_SESSIONS = "{ mySessions { id current device } }";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("session lifecycle", () => {
  it("signs up a user as OWNER of a new tenant and returns tokens", async () => {
    const account = await signUpAccount(h);
    expect(account.accessToken).toBeTruthy();
    expect(account.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(account.identity.role).toBe("OWNER");
  });

  it("logs in with the password and refuses a wrong one", async () => {
    const account = await signUpAccount(h);
    const ok = await h.gql(LOGIN, { input: { email: account.email, password: PASSWORD } });
    expect(ok.data?.login.tenant.id).toBe(account.tenantId);
    const wrong = await h.gql(LOGIN, { input: { email: account.email, password: "not the password" } });
    expect(codeOf(wrong)).toBe("UNAUTHENTICATED");
  });

  it("rate-limits an account after ten failed sign-ins", async () => {
    const account = await signUpAccount(h);
    for (let i = 0; i < 10; i++) await h.gql(LOGIN, { input: { email: account.email, password: "wrong password" } });
    const limited = await h.gql(LOGIN, { input: { email: account.email, password: PASSWORD } });
    expect(codeOf(limited)).toBe("RATE_LIMITED");
  });

  it("rotates the refresh token, and reusing a rotated one revokes the whole family", async () => {
    const account = await signUpAccount(h);
    const first = await h.gql(REFRESH, { input: { refreshToken: account.refreshToken } });
    const second = first.data!.refreshSession;
    expect(second.refreshToken).not.toBe(account.refreshToken);
    expect(second.tenant.id).toBe(account.tenantId);

    const reuse = await h.gql(REFRESH, { input: { refreshToken: account.refreshToken } });
    expect(codeOf(reuse)).toBe("UNAUTHENTICATED");
    const afterReuse = await h.gql(REFRESH, { input: { refreshToken: second.refreshToken } });
    expect(codeOf(afterReuse)).toBe("UNAUTHENTICATED");
  });

  it("logs out the current session so its refresh token stops working", async () => {
    const account = await signUpAccount(h);
    const sessions = await h.gql(MY_SESSIONS, {}, account.identity);
    expect(sessions.data?.mySessions).toEqual([expect.objectContaining({ id: account.sessionId, current: true })]);
    const out = await h.gql(LOGOUT, {}, account.identity);
    expect(out.data?.logout.revoked).toBe(true);
    const refresh = await h.gql(REFRESH, { input: { refreshToken: account.refreshToken } });
    expect(codeOf(refresh)).toBe("UNAUTHENTICATED");
  });

  it("revokes only the caller's own sessions", async () => {
    const alice = await signUpAccount(h, "alice");
    const bob = await signUpAccount(h, "bob");
    const attempt = await h.gql(
      "mutation($input: RevokeSessionInput!) { revokeSession(input: $input) { revoked } }",
      { input: { id: alice.sessionId } },
      bob.identity,
    );
    expect(codeOf(attempt)).toBe("NOT_FOUND");
    const still = await h.gql(REFRESH, { input: { refreshToken: alice.refreshToken } });
    expect(still.errors).toBeUndefined();
  });

  it("switches tenant only to an approved membership", async () => {
    const alice = await signUpAccount(h, "alice");
    const bob = await signUpAccount(h, "bob");
    const SWITCH = `mutation($input: SwitchTenantInput!) { switchTenant(input: $input) { ${AUTH_FIELDS} } }`;
    const refused = await h.gql(SWITCH, { input: { tenantId: bob.tenantId } }, alice.identity);
    expect(codeOf(refused)).toBe("FORBIDDEN");
    const own = await h.gql(SWITCH, { input: { tenantId: alice.tenantId } }, alice.identity);
    expect(own.data?.switchTenant.tenant.id).toBe(alice.tenantId);
    expect(own.data?.switchTenant.refreshToken).toBeNull();
  });

  it("refuses a request without the gateway's identity header", async () => {
    const res = await h.gql("{ health }", {}, null);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe("UNAUTHENTICATED");
  });

  it("answers health for anonymous callers", async () => {
    const res = await h.gql("{ health }");
    expect(res.data?.health).toBe("ok");
    const me = await h.gql("{ me { id } }");
    expect(codeOf(me)).toBe("UNAUTHENTICATED");
  });
});
