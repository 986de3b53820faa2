import { randomUUID } from "node:crypto";
import { ANONYMOUS, CLIENT_IP_HEADER } from "@atelier/internal-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryLoginThrottle, createRedisLoginThrottle, type LoginThrottle } from "../src/auth/login-throttle";
import { type IdentitySubgraph, identityTest } from "./fixture";
import { codeOf, LOGIN, PASSWORD, signUpAccount } from "./support/accounts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const policy = { windowMs: 60_000 };

describe.each([
  ["in memory", () => createMemoryLoginThrottle(policy)],
  ["in Redis", () => createRedisLoginThrottle(REDIS_URL, policy)],
])("login throttle %s", (_name, create) => {
  let throttle: LoginThrottle;
  beforeAll(() => {
    throttle = create();
  });
  afterAll(() => throttle.close());

  it("allows up to the limit, then says how long to wait", async () => {
    const key = `account:${randomUUID()}`;
    for (let i = 0; i < 3; i++) {
      expect(await throttle.retryAfter(key, 3)).toBe(0);
      await throttle.recordFailure(key);
    }
    const wait = await throttle.retryAfter(key, 3);
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await throttle.retryAfter(key, 4)).toBe(0);
  });

  it("forgets a key on reset, and keeps keys apart", async () => {
    const key = `account:${randomUUID()}`;
    const other = `account:${randomUUID()}`;
    for (let i = 0; i < 2; i++) await throttle.recordFailure(key);
    expect(await throttle.retryAfter(key, 2)).toBeGreaterThan(0);
    expect(await throttle.retryAfter(other, 2)).toBe(0);
    await throttle.reset(key);
    expect(await throttle.retryAfter(key, 2)).toBe(0);
  });
});

describe("login throttle in memory under a flood of keys", () => {
  it("keeps an account's count however many other keys fail (no global clear)", async () => {
    const throttle = createMemoryLoginThrottle(policy);
    const victim = `account:${randomUUID()}`;
    for (let i = 0; i < 3; i++) await throttle.recordFailure(victim);
    for (let i = 0; i < 120_000; i++) await throttle.recordFailure(`ip:flood-${i}`);
    expect(await throttle.retryAfter(victim, 3)).toBeGreaterThan(0);
    await throttle.close();
  });
});

describe("sign-in throttling across replicas and addresses", () => {
  let a: IdentitySubgraph;
  let b: IdentitySubgraph;
  beforeAll(async () => {
    const env = { REDIS_URL, LOGIN_MAX_FAILURES_PER_ACCOUNT: "4", LOGIN_MAX_FAILURES_PER_ADDRESS: "6" };
    a = await identityTest.start({ env });
    b = await identityTest.start({ env });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it("counts failures on every replica against one account", async () => {
    const account = await signUpAccount(a);
    // The account only exists in a's database; b's failures count under the same e-mail all the same.
    for (const h of [a, b, a, b])
      await h.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: "wrong password" } });
    expect(codeOf(await a.as(ANONYMOUS).gql(LOGIN, { input: { email: account.email, password: PASSWORD } }))).toBe(
      "RATE_LIMITED",
    );
  });

  it("stops one address trying many accounts, and only that address", async () => {
    const account = await signUpAccount(a);
    const from = (ip: string) => ({ [CLIENT_IP_HEADER]: ip });
    // Unique per run: Redis keeps failures for the whole window, across test runs.
    const address = `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
    for (let i = 0; i < 6; i++) {
      await b
        .as(ANONYMOUS)
        .gql(LOGIN, { input: { email: `nobody-${randomUUID()}@example.com`, password: "guess" } }, from(address));
    }
    const right = { input: { email: account.email, password: PASSWORD } };
    expect(codeOf(await a.as(ANONYMOUS).gql(LOGIN, right, from(address)))).toBe("RATE_LIMITED");
    const elsewhere = await a.as(ANONYMOUS).gql(LOGIN, right, from(`2001:db8::${randomUUID().slice(0, 4)}`));
    expect(elsewhere.data?.login.accessToken).toBeTruthy();
  });
});
