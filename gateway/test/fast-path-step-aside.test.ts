import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestStack, type TestStack } from "./support/test-stack";

let fast: TestStack;
let apollo: TestStack;
beforeAll(async () => {
  [fast, apollo] = await Promise.all([startTestStack({ FAST_PATH: "true" }), startTestStack({ FAST_PATH: "false" })]);
});
afterAll(async () => {
  await fast?.close();
  await apollo?.close();
});

/** Subgraph calls one request makes through this gateway, and its answer. */
async function callsOf(stack: TestStack, body: unknown) {
  const authorization = `Bearer ${await stack.userToken()}`;
  stack.subgraph.seen.length = 0;
  const answer = await stack.post(body, { authorization });
  return { calls: stack.subgraph.seen.length, answer };
}

describe("the fast path, when it steps aside after calling subgraphs", () => {
  it("leaves the document to Apollo afterwards, so subgraphs are not called twice per request", async () => {
    const body = { query: "{ health forbidden }" };
    const alone = await callsOf(apollo, body);
    const first = await callsOf(fast, body);
    expect(first.answer.body).toEqual(alone.answer.body);
    expect(first.answer.body.errors[0].extensions.code).toBe("FORBIDDEN");
    const next = await callsOf(fast, body);
    expect(next.answer.body).toEqual(alone.answer.body);
    expect(next.calls).toBe(alone.calls);
  });

  it("tries the document again itself a minute later", async () => {
    const body = { query: "{ forbidden health }" };
    const alone = await callsOf(apollo, body);
    await callsOf(fast, body);
    expect((await callsOf(fast, body)).calls).toBe(alone.calls);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    try {
      expect((await callsOf(fast, body)).calls).toBe(alone.calls + 1);
      expect((await callsOf(fast, body)).calls).toBe(alone.calls);
    } finally {
      vi.useRealTimers();
    }
  });

  it("still answers other documents itself", async () => {
    const { calls, answer } = await callsOf(fast, { query: "{ health }" });
    expect(answer.body).toEqual({ data: { health: "ok" } });
    expect(calls).toBe(1);
  });
});
