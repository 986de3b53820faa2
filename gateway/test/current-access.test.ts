import { createEventBus, type EventBus } from "@atelier/event-bus";
import { createInternalTokenSigner, generateInternalKeyPair } from "@atelier/internal-auth";
import { createLogger } from "@atelier/logging";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCurrentAccessResolver } from "../src/access/current-access";
import { createIdentityInternalClient } from "../src/auth/identity-internal-client";
import { startIdentityInternalStub } from "./support/identity-internal-stub";
import { startTestStack, type TestStack, WHOAMI_DOCUMENT } from "./support/test-stack";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const WHOAMI = { query: WHOAMI_DOCUMENT };

let stack: TestStack;
let bus: EventBus;
beforeAll(async () => {
  stack = await startTestStack({ REDIS_URL });
  bus = createEventBus({ databaseUrl: "unused", redisUrl: REDIS_URL });
});
afterAll(async () => {
  await bus.close();
  await stack.close();
});

async function whoami(token: string) {
  return stack.post(WHOAMI, { authorization: `Bearer ${token}` });
}

describe("a user's access follows identity's current membership and session, not the token", () => {
  it("forwards the current role after identity announces a demotion, although the token says ADMIN", async () => {
    const token = await stack.userToken({ sub: "user-demoted", tid: "tenant-a", role: "ADMIN", sid: "s-demoted" });
    expect((await whoami(token)).body.data.whoami.role).toBe("ADMIN");
    stack.identity.members.set("user-demoted:tenant-a", "VIEWER");
    await bus.publish("access_changes", { userId: "user-demoted" });
    await expect.poll(async () => (await whoami(token)).body.data.whoami.role, { timeout: 2_000 }).toBe("VIEWER");
  });

  it("forwards neither tenant nor role once the membership is gone", async () => {
    const token = await stack.userToken({ sub: "user-removed", tid: "tenant-a", role: "EDITOR", sid: "s-removed" });
    stack.identity.members.delete("user-removed:tenant-a");
    await bus.publish("access_changes", { tenantId: "tenant-a" });
    await expect
      .poll(async () => (await whoami(token)).body.data.whoami, { timeout: 2_000 })
      .toMatchObject({ userId: "user-removed", tenantId: null, role: null });
  });

  it("refuses the access tokens of an ended session with UNAUTHENTICATED, before any subgraph call", async () => {
    const token = await stack.userToken({ sub: "user-out", tid: "tenant-a", role: "OWNER", sid: "s-out" });
    expect((await whoami(token)).status).toBe(200);
    stack.identity.endedSessions.add("s-out");
    await bus.publish("access_changes", { userId: "user-out" });
    await expect.poll(async () => (await whoami(token)).status, { timeout: 2_000 }).toBe(401);
    const { body } = await whoami(token);
    expect(body.errors[0]).toMatchObject({
      message: "your session has ended; sign in again",
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});

describe("the current-access cache", () => {
  const keys = generateInternalKeyPair();
  const signer = createInternalTokenSigner({ privateKey: keys.privateKey });
  const silentBus: EventBus = {
    publish: async () => {},
    subscribe: async () => async () => {},
    close: async () => {},
  };

  it("asks identity once for many concurrent misses, and answers from the cache afterwards", async () => {
    const stub = await startIdentityInternalStub({ gatewayPublicKey: keys.publicKey, apiKeys: {} });
    try {
      const resolver = createCurrentAccessResolver({
        identity: createIdentityInternalClient({ baseUrl: stub.url, signer }),
        bus: silentBus,
        logger: createLogger({ service: "test", level: "silent" }),
      });
      const subjects = Array.from({ length: 100 }, (_, i) => ({
        userId: `u${i % 50}`,
        tenantId: "t",
        sessionId: null,
      }));
      for (let i = 0; i < 50; i++) stub.members.set(`u${i}:t`, "EDITOR");
      const answers = await Promise.all(subjects.map((s) => resolver.resolve(s)));
      expect(answers.every((a) => a.signedIn && a.role === "EDITOR")).toBe(true);
      expect(stub.calls()).toBe(1);
      await Promise.all(subjects.map((s) => resolver.resolve(s)));
      expect(stub.calls()).toBe(1);
    } finally {
      await stub.close();
    }
  });

  it("reads identity again once an answer is older than its TTL, even without a notice", async () => {
    const stub = await startIdentityInternalStub({ gatewayPublicKey: keys.publicKey, apiKeys: {} });
    try {
      const resolver = createCurrentAccessResolver({
        identity: createIdentityInternalClient({ baseUrl: stub.url, signer }),
        bus: silentBus,
        logger: createLogger({ service: "test", level: "silent" }),
        ttlMs: 200,
      });
      const subject = { userId: "u", tenantId: "t", sessionId: "s" };
      stub.members.set("u:t", "EDITOR");
      expect(await resolver.resolve(subject)).toEqual({ signedIn: true, role: "EDITOR" });
      stub.members.delete("u:t");
      expect(await resolver.resolve(subject)).toEqual({ signedIn: true, role: "EDITOR" });
      await new Promise((r) => setTimeout(r, 250));
      expect(await resolver.resolve(subject)).toEqual({ signedIn: true, role: null });
    } finally {
      await stub.close();
    }
  });
});
