import { randomUUID } from "node:crypto";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startSubscriptionStack } from "./support/subscription-stack";
import { subscribe } from "./support/ws-client";

type FormattedError = { message: string; extensions?: Record<string, unknown> };

/** One subscription from a client behind the trusted proxy at `forwardedFor`; resolves with its first error. */
function firstError(url: string, query: string, forwardedFor?: string): Promise<FormattedError | undefined> {
  const headers = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  class ForwardedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({ url, webSocketImpl: ForwardedWebSocket, retryAttempts: 0, lazy: true });
  return new Promise((resolve) => {
    client.subscribe(
      { query, variables: { streamId: randomUUID() } },
      {
        next: () => {},
        error: (error) => {
          resolve((error as FormattedError[])[0]);
          void client.dispose();
        },
        complete: () => {
          resolve(undefined);
          void client.dispose();
        },
      },
    );
  });
}

const TICKS = "subscription ($streamId: ID!) { tickUpdated(streamId: $streamId) { label } }";
const INVALID = "subscription { notAField }";

describe("subscriptions admitted like HTTP requests", () => {
  let stack: Awaited<ReturnType<typeof startSubscriptionStack>>;
  const anonymousPost = (forwardedFor?: string) =>
    fetch(stack.gateways[0]!.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
  beforeAll(async () => {
    stack = await startSubscriptionStack({
      env: {
        ALLOW_ANONYMOUS: "true",
        TRUST_PROXY_HOPS: "1",
        RATE_LIMIT_ANONYMOUS_CAPACITY: "2",
        RATE_LIMIT_ANONYMOUS_PER_SECOND: "0.01",
        MAX_DEPTH: "2",
      },
    });
  });
  afterAll(() => stack.close());

  it("draws an anonymous subscription from its client address's bucket, the one HTTP draws from", async () => {
    const address = "198.51.100.7";
    // Admitted (a token taken), then refused by validation.
    expect((await firstError(stack.wsUrl(), INVALID, address))?.message).toMatch(/notAField/);
    expect((await anonymousPost(address)).status).toBe(200);
    const refused = await firstError(stack.wsUrl(), TICKS, address);
    expect(refused?.message).toMatch(/^rate limit exceeded: retry after \d+ s$/);
    expect(refused?.extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(refused?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
    expect((await anonymousPost(address)).status).toBe(429);
  });

  it("gives another client address its own bucket", async () => {
    for (let i = 0; i < 2; i++) await firstError(stack.wsUrl(), INVALID, "198.51.100.8");
    expect((await firstError(stack.wsUrl(), INVALID, "198.51.100.8"))?.extensions?.code).toBe("RATE_LIMITED");
    expect((await firstError(stack.wsUrl(), INVALID, "198.51.100.9"))?.message).toMatch(/notAField/);
  });

  it("holds a subscription to the operation limits, with HTTP's code and message", async () => {
    const deep = "subscription ($streamId: ID!) { tickUpdated(streamId: $streamId) { owner { name } } }";
    const sub = subscribe<unknown>(stack.wsUrl(), await stack.token(randomUUID()), deep, { streamId: randomUUID() });
    await sub.done;
    const [error] = sub.errors[0] as FormattedError[];
    expect(error?.message).toBe("operation depth 3 exceeds the maximum depth of 2");
    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", limit: "MAX_DEPTH" });
  });

  it("still delivers an admitted subscription", async () => {
    const tenant = randomUUID();
    const stream = randomUUID();
    const sub = subscribe<{ tickUpdated: { label: string } }>(
      stack.wsUrl(),
      await stack.token(tenant),
      "subscription ($streamId: ID!) { tickUpdated(streamId: $streamId) { label } }",
      { streamId: stream },
    );
    await new Promise((r) => setTimeout(r, 200));
    await stack.appendTick(tenant, stream, "t1");
    await expect.poll(() => sub.values.length, { timeout: 10_000 }).toBe(1);
    expect(sub.values[0]?.tickUpdated.label).toBe("t1");
    sub.stop();
  });
});
