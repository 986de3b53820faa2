import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSubscriptionStack } from "./support/subscription-stack";
import { subscribe } from "./support/ws-client";

type TickData = { tickUpdated: { label: string; owner: { name: string } } };
const TICKS = `subscription Ticks($streamId: ID!, $after: Int) {
  tickUpdated(streamId: $streamId, afterSequence: $after) { label owner { name } }
}`;
const labels = (values: TickData[]) => values.map((v) => v.tickUpdated.label);

describe("subscriptions through the gateway", () => {
  let stack: Awaited<ReturnType<typeof startSubscriptionStack>>;
  beforeAll(async () => {
    stack = await startSubscriptionStack();
  });
  afterAll(() => stack.close());

  it("delivers a stream's events in order, with no gaps, with fields from another subgraph", async () => {
    const tenant = randomUUID();
    const stream = randomUUID();
    const sub = subscribe<TickData>(stack.wsUrl(), await stack.token(tenant), TICKS, { streamId: stream });
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 1; i <= 20; i++) await stack.appendTick(tenant, stream, `t${i}`);
    await expect.poll(() => sub.values.length, { timeout: 10_000 }).toBe(20);
    expect(labels(sub.values)).toEqual(Array.from({ length: 20 }, (_, i) => `t${i + 1}`));
    expect(sub.values[0]?.tickUpdated.owner.name).toBe("Person owner-1");
    sub.stop();
  });

  it("resumes after afterSequence on reconnect and loses nothing written meanwhile", async () => {
    const tenant = randomUUID();
    const stream = randomUUID();
    const token = await stack.token(tenant);
    const first = subscribe<TickData>(stack.wsUrl(), token, TICKS, { streamId: stream });
    for (let i = 1; i <= 5; i++) await stack.appendTick(tenant, stream, `t${i}`);
    await expect.poll(() => first.values.length, { timeout: 10_000 }).toBe(5);
    first.stop();
    await first.client.dispose();
    for (let i = 6; i <= 8; i++) await stack.appendTick(tenant, stream, `t${i}`);
    const second = subscribe<TickData>(stack.wsUrl(), token, TICKS, { streamId: stream, after: 5 });
    await expect.poll(() => second.values.length, { timeout: 10_000 }).toBe(3);
    await stack.appendTick(tenant, stream, "t9");
    await expect.poll(() => second.values.length, { timeout: 10_000 }).toBe(4);
    expect(labels(second.values)).toEqual(["t6", "t7", "t8", "t9"]);
    second.stop();
  });

  it("catches up on an event whose notice was lost after commit", async () => {
    const tenant = randomUUID();
    const stream = randomUUID();
    const sub = subscribe<TickData>(stack.wsUrl(), await stack.token(tenant), TICKS, { streamId: stream });
    await new Promise((r) => setTimeout(r, 200));
    await stack.appendTick(tenant, stream, "silent", false);
    await stack.appendTick(tenant, stream, "loud");
    await expect.poll(() => sub.values.length, { timeout: 10_000 }).toBe(2);
    expect(labels(sub.values)).toEqual(["silent", "loud"]);
    sub.stop();
  });

  it("gives a second tenant's subscriber nothing of the first tenant's stream", async () => {
    const owner = randomUUID();
    const stream = randomUUID();
    const intruder = subscribe<TickData>(stack.wsUrl(), await stack.token(randomUUID()), TICKS, { streamId: stream });
    const member = subscribe<TickData>(stack.wsUrl(), await stack.token(owner), TICKS, { streamId: stream });
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 1; i <= 3; i++) await stack.appendTick(owner, stream, `secret${i}`);
    await expect.poll(() => member.values.length, { timeout: 10_000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(intruder.values).toEqual([]);
    intruder.stop();
    member.stop();
  });

  it("closes the socket with 4401 for a forged token", async () => {
    const forged = `${(await stack.token(randomUUID())).slice(0, -4)}AAAA`;
    const sub = subscribe<TickData>(stack.wsUrl(), forged, TICKS, { streamId: randomUUID() });
    await expect.poll(() => sub.closes[0]?.code, { timeout: 5_000 }).toBe(4401);
  });

  it("closes the socket with 4401 when connection_init carries no token", async () => {
    const sub = subscribe<TickData>(stack.wsUrl(), null, TICKS, { streamId: randomUUID() });
    await expect.poll(() => sub.closes[0]?.code, { timeout: 5_000 }).toBe(4401);
  });

  it("answers a subscription field that is not served live with an error", async () => {
    const sub = subscribe<unknown>(stack.wsUrl(), await stack.token(randomUUID()), "subscription { __typename }", {});
    await sub.done;
    expect(sub.errors.length + sub.values.length).toBeGreaterThan(0);
  });
});

describe("subscriptions across gateway replicas on Redis", () => {
  let stack: Awaited<ReturnType<typeof startSubscriptionStack>>;
  beforeAll(async () => {
    stack = await startSubscriptionStack({
      gateways: 2,
      redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    });
  });
  afterAll(() => stack.close());

  it("delivers every event to subscribers on both gateways", async () => {
    const tenant = randomUUID();
    const stream = randomUUID();
    const token = await stack.token(tenant);
    const onFirst = subscribe<TickData>(stack.wsUrl(0), token, TICKS, { streamId: stream });
    const onSecond = subscribe<TickData>(stack.wsUrl(1), token, TICKS, { streamId: stream });
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 1; i <= 10; i++) await stack.appendTick(tenant, stream, `t${i}`);
    await expect.poll(() => onFirst.values.length, { timeout: 10_000 }).toBe(10);
    await expect.poll(() => onSecond.values.length, { timeout: 10_000 }).toBe(10);
    expect(labels(onSecond.values)).toEqual(labels(onFirst.values));
    onFirst.stop();
    onSecond.stop();
  });
});
