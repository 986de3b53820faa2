import { ANONYMOUS } from "@atelier/internal-auth";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { AUTH_FIELDS, codeOf, LOGIN, PASSWORD, signUpAccount } from "./support/accounts";

const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { ${AUTH_FIELDS} } }`;
const LOGOUT = "mutation { logout { revoked } }";
const MY_SESSIONS = "{ mySessions { id current device } }";

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

describe("session lifecycle", () => {
  test("signs up a user as OWNER of a new tenant and returns tokens", async () => {
    const account = await signUpAccount(h);
    expect(account.accessToken).toBeTruthy();
    expect(account.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(account.identity.role).toBe("OWNER");
  });

  test("logs in with the password and refuses a wrong one", async () => {
    const account = await signUpAccount(h);
    const ok = await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: PASSWORD } });
    expect(ok.data?.login.tenant.id).toBe(account.tenantId);
    const wrong = await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: "not the password" } });
    expect(codeOf(wrong)).toBe("UNAUTHENTICATED");
  });

  test("rate-limits an account after ten failed sign-ins", async () => {
    const account = await signUpAccount(h);
    for (let i = 0; i < 10; i++)
      await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: "wrong password" } });
    const limited = await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: PASSWORD } });
    expect(codeOf(limited)).toBe("RATE_LIMITED");
  });

  test("rotates the refresh token, and reusing a rotated one revokes the whole family", async () => {
    const account = await signUpAccount(h);
    const first = await h.as(ANONYMOUS).gql(REFRESH, { input: { refreshToken: account.refreshToken } });
    const second = first.data!.refreshSession;
    expect(second.refreshToken).not.toBe(account.refreshToken);
    expect(second.tenant.id).toBe(account.tenantId);

    const reuse = await h.as(ANONYMOUS).gql(REFRESH, { input: { refreshToken: account.refreshToken } });
    expect(codeOf(reuse)).toBe("UNAUTHENTICATED");
    const afterReuse = await h.as(ANONYMOUS).gql(REFRESH, { input: { refreshToken: second.refreshToken } });
    expect(codeOf(afterReuse)).toBe("UNAUTHENTICATED");
  });

  test("logs out the current session so its refresh token stops working", async () => {
    const account = await signUpAccount(h);
    const sessions = await h.as(account.identity).gql(MY_SESSIONS, {});
    expect(sessions.data?.mySessions).toEqual([expect.objectContaining({ id: account.sessionId, current: true })]);
    const out = await h.as(account.identity).gql(LOGOUT, {});
    expect(out.data?.logout.revoked).toBe(true);
    const refresh = await h.as(ANONYMOUS).gql(REFRESH, { input: { refreshToken: account.refreshToken } });
    expect(codeOf(refresh)).toBe("UNAUTHENTICATED");
  });

  test("revokes only the caller's own sessions", async () => {
    const alice = await signUpAccount(h, "alice");
    const bob = await signUpAccount(h, "bob");
    const attempt = await h
      .as(bob.identity)
      .gql("mutation($input: RevokeSessionInput!) { revokeSession(input: $input) { revoked } }", {
        input: { id: alice.sessionId },
      });
    expect(codeOf(attempt)).toBe("NOT_FOUND");
    const still = await h.as(ANONYMOUS).gql(REFRESH, { input: { refreshToken: alice.refreshToken } });
    expect(still.errors).toBeUndefined();
  });

  test("switches tenant only to an approved membership", async () => {
    const alice = await signUpAccount(h, "alice");
    const bob = await signUpAccount(h, "bob");
    const SWITCH = `mutation($input: SwitchTenantInput!) { switchTenant(input: $input) { ${AUTH_FIELDS} } }`;
    const refused = await h.as(alice.identity).gql(SWITCH, { input: { tenantId: bob.tenantId } });
    expect(codeOf(refused)).toBe("FORBIDDEN");
    const own = await h.as(alice.identity).gql(SWITCH, { input: { tenantId: alice.tenantId } });
    expect(own.data?.switchTenant.tenant.id).toBe(alice.tenantId);
    expect(own.data?.switchTenant.refreshToken).toBeNull();
  });

  test("refuses a request without the gateway's identity header", async () => {
    const res = await h.as(null).gql("{ health }", {});
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe("UNAUTHENTICATED");
  });

  test("answers health for anonymous callers", async () => {
    const res = await h.as(ANONYMOUS).gql("{ health }");
    expect(res.data?.health).toBe("ok");
    const me = await h.as(ANONYMOUS).gql("{ me { id } }");
    expect(codeOf(me)).toBe("UNAUTHENTICATED");
  });
});
