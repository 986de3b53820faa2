import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSubscriptionStack } from "./support/subscription-stack";
import { subscribe } from "./support/ws-client";

type TickData = { tickUpdated: { label: string } };
const TICKS = `subscription Ticks($streamId: ID!) { tickUpdated(streamId: $streamId) { label } }`;

let stack: Awaited<ReturnType<typeof startSubscriptionStack>>;
beforeAll(async () => {
  stack = await startSubscriptionStack();
});
afterAll(() => stack.close());

/** An open subscription of a new member of a new tenant, with one event delivered. */
async function openSubscription(role = "EDITOR", expiresIn?: number) {
  const tenant = randomUUID();
  const stream = randomUUID();
  const userId = randomUUID();
  const sessionId = randomUUID();
  const token = await stack.tokenWithRole(tenant, role, { userId, sessionId, expiresIn });
  const sub = subscribe<TickData>(stack.wsUrl(), token, TICKS, { streamId: stream });
  await new Promise((r) => setTimeout(r, 200));
  await stack.appendTick(tenant, stream, "before");
  await expect.poll(() => sub.values.length, { timeout: 5_000 }).toBe(1);
  return { sub, tenant, stream, userId, sessionId };
}

async function closedWithin(sub: ReturnType<typeof subscribe>, from: number) {
  await expect.poll(() => sub.closes.length, { timeout: 5_000 }).toBe(1);
  const event = sub.closes[0]!;
  return { code: event.code, reason: event.reason, afterMs: Date.now() - from };
}

describe("open subscriptions follow the subscriber's current access", () => {
  it("close with 4403 as soon as identity announces the member's removal", async () => {
    const { sub, tenant, stream, userId } = await openSubscription();
    stack.identity.members.delete(`${userId}:${tenant}`);
    const removedAt = Date.now();
    await stack.announceAccessChange({ userId });
    const closed = await closedWithin(sub, removedAt);
    expect(closed.code).toBe(4403);
    expect(closed.afterMs).toBeLessThan(2_000);
    await stack.appendTick(tenant, stream, "after");
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.values).toHaveLength(1);
  });

  it("close with 4403 within one TTL (15 s) when the removal's notice is lost", async () => {
    const { sub, tenant, userId } = await openSubscription();
    stack.identity.members.delete(`${userId}:${tenant}`);
    const removedAt = Date.now();
    // No announcement: only the periodic re-check (at a random point of the socket's first TTL) finds it.
    await expect.poll(() => sub.closes.length, { timeout: 17_000, interval: 200 }).toBe(1);
    expect(sub.closes[0]?.code).toBe(4403);
    expect(Date.now() - removedAt).toBeLessThan(16_000);
  }, 20_000);

  it("close with 4403 when the member is demoted, so the socket never carries the old role", async () => {
    const { sub, tenant, userId } = await openSubscription("EDITOR");
    stack.identity.members.set(`${userId}:${tenant}`, "VIEWER");
    await stack.announceAccessChange({ userId });
    expect((await closedWithin(sub, Date.now())).code).toBe(4403);
  });

  it("close with 4401 when the token's session ends", async () => {
    const { sub, userId, sessionId } = await openSubscription();
    stack.identity.endedSessions.add(sessionId);
    await stack.announceAccessChange({ userId });
    const closed = await closedWithin(sub, Date.now());
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/session has ended/);
  });

  it("close with 4401 when the token expires", async () => {
    const expiresIn = Math.floor(Date.now() / 1000) + 2;
    const { sub } = await openSubscription("VIEWER", expiresIn);
    const closed = await closedWithin(sub, Date.now());
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/expired/);
  });

  it("end a subscription the subscriber may not read with the subgraph's own error code", async () => {
    const tenant = randomUUID();
    const userId = randomUUID();
    const token = await stack.tokenWithRole(tenant, "VIEWER", { userId });
    stack.identity.members.delete(`${userId}:${tenant}`);
    const sub = subscribe<TickData>(stack.wsUrl(), token, TICKS, { streamId: randomUUID() });
    await sub.done;
    expect(sub.errors).toMatchObject([{ extensions: { code: "FORBIDDEN" } }]);
    expect(sub.values).toEqual([]);
  });

  it("stay open for a notice about someone else", async () => {
    const { sub, tenant, stream } = await openSubscription();
    await stack.announceAccessChange({ userId: randomUUID() });
    await stack.appendTick(tenant, stream, "still here");
    await expect.poll(() => sub.values.length, { timeout: 5_000 }).toBe(2);
    expect(sub.closes).toEqual([]);
    sub.stop();
  });
});
