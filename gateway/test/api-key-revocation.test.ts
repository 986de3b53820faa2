import { createEventBus, type EventBus } from "@atelier/event-bus";
import { createInternalTokenSigner, generateInternalKeyPair } from "@atelier/internal-auth";
import { createLogger } from "@atelier/logging";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_CHANGES_CHANNEL, createCurrentAccessResolver } from "../src/access/current-access";
import { createApiKeyVerifier } from "../src/auth/api-key";
import { createIdentityInternalClient } from "../src/auth/identity-internal-client";
import { startIdentityInternalStub } from "./support/identity-internal-stub";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const KEY = "ak_revocable.secret";
const OTHER_KEY = "ak_other.secret";
const CLIENT = { apiClientId: "client-revocable", tenantId: "tenant-keys", scopes: ["creative:read"] };

const keys = generateInternalKeyPair();
const signer = createInternalTokenSigner({ privateKey: keys.privateKey });
/** What identity holds; deleting a key here is what revoking or rotating it does there. */
const apiKeys: Record<string, typeof CLIENT> = {};
let stub: Awaited<ReturnType<typeof startIdentityInternalStub>>;
let bus: EventBus;
let verifier: ReturnType<typeof createApiKeyVerifier>;

beforeAll(async () => {
  stub = await startIdentityInternalStub({ gatewayPublicKey: keys.publicKey, apiKeys });
  bus = createEventBus({ databaseUrl: "unused", redisUrl: REDIS_URL });
  const identity = createIdentityInternalClient({ baseUrl: stub.url, signer });
  const access = createCurrentAccessResolver({
    identity,
    bus,
    logger: createLogger({ service: "test", level: "silent" }),
  });
  verifier = createApiKeyVerifier(identity, access);
  // The resolver subscribes as it is built; a notice published before that lands would be missed.
  await new Promise((r) => setTimeout(r, 200));
});
afterAll(async () => {
  await bus?.close();
  await stub?.close();
});

describe("an API key's cached verification follows identity's notices", () => {
  it("refuses a revoked key as soon as identity announces it, not after the 30 s cache", async () => {
    apiKeys[KEY] = CLIENT;
    expect(await verifier.verify(KEY)).toMatchObject({ kind: "apiClient", apiClientId: CLIENT.apiClientId });
    delete apiKeys[KEY];
    // Without a notice the cached verification still answers: this is what the notice is for.
    expect(await verifier.verify(KEY)).toMatchObject({ apiClientId: CLIENT.apiClientId });
    const noticeAt = Date.now();
    await bus.publish(ACCESS_CHANGES_CHANNEL, { apiClientId: CLIENT.apiClientId, tenantId: CLIENT.tenantId });
    await expect
      .poll(
        () =>
          verifier.verify(KEY).then(
            () => "accepted",
            (e: Error) => e.message,
          ),
        { timeout: 2_000 },
      )
      .toBe("API key not recognised");
    expect(Date.now() - noticeAt).toBeLessThan(2_000);
  });

  it("forwards re-scoped scopes after the notice", async () => {
    apiKeys[OTHER_KEY] = { ...CLIENT, apiClientId: "client-rescoped" };
    expect(await verifier.verify(OTHER_KEY)).toMatchObject({ scopes: ["creative:read"] });
    apiKeys[OTHER_KEY] = { ...CLIENT, apiClientId: "client-rescoped", scopes: ["creative:write"] };
    await bus.publish(ACCESS_CHANGES_CHANNEL, { apiClientId: "client-rescoped", tenantId: CLIENT.tenantId });
    await expect
      .poll(() => verifier.verify(OTHER_KEY), { timeout: 2_000 })
      .toMatchObject({ scopes: ["creative:write"] });
  });

  it("keeps other clients' verifications, and drops nothing on a member's notice", async () => {
    const KEPT = "ak_kept.secret";
    apiKeys[KEPT] = { ...CLIENT, apiClientId: "client-kept" };
    await verifier.verify(KEPT);
    const calls = stub.calls();
    await bus.publish(ACCESS_CHANGES_CHANNEL, { apiClientId: "client-elsewhere", tenantId: CLIENT.tenantId });
    await bus.publish(ACCESS_CHANGES_CHANNEL, { userId: "someone", tenantId: CLIENT.tenantId });
    await new Promise((r) => setTimeout(r, 300));
    expect(await verifier.verify(KEPT)).toMatchObject({ apiClientId: "client-kept" });
    expect(stub.calls()).toBe(calls);
  });
});
