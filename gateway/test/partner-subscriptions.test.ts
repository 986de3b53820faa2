import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPartnerSubscriptionStack, TICKS_DOCUMENT, TICKS_ID } from "./support/partner-subscription-stack";

let stack: Awaited<ReturnType<typeof startPartnerSubscriptionStack>>;
beforeAll(async () => {
  stack = await startPartnerSubscriptionStack();
});
afterAll(() => stack.close());

const errorCode = (errors: unknown[]) => (errors[0] as { extensions?: { code?: string } }[])[0]?.extensions?.code;

describe("subscriptions with an API key", () => {
  it("refuses a raw subscription document", async () => {
    const sub = stack.subscribe({ query: TICKS_DOCUMENT, variables: { streamId: randomUUID() } });
    await expect.poll(() => sub.errors.length, { timeout: 5_000 }).toBe(1);
    expect(errorCode(sub.errors)).toBe("PERSISTED_QUERY_NOT_ALLOWED");
  });

  it("refuses an unknown id", async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: "unknown" } };
    const sub = stack.subscribe({ query: "", extensions, variables: { streamId: randomUUID() } });
    await expect.poll(() => sub.errors.length, { timeout: 5_000 }).toBe(1);
    expect(errorCode(sub.errors)).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("runs a published subscription named by its id", async () => {
    const streamId = randomUUID();
    const extensions = { persistedQuery: { version: 1, sha256Hash: TICKS_ID } };
    const sub = stack.subscribe({ query: "", extensions, variables: { streamId } });
    await new Promise((r) => setTimeout(r, 300));
    await stack.appendTick(streamId, "first");
    await expect.poll(() => sub.values.length, { timeout: 10_000 }).toBe(1);
    expect(sub.values[0]).toEqual({ tickUpdated: { label: "first" } });
    expect(sub.errors).toEqual([]);
  });
});
