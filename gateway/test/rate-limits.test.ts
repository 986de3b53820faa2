import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type RunningGateway } from "../src/server";
import { startTestStack, type TestStack } from "./support/test-stack";

const HEALTH = { query: "{ health }" };

async function postTo(url: string, token: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(HEALTH),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("rate limits in one process", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ RATE_LIMIT_USER_CAPACITY: "3", RATE_LIMIT_USER_PER_SECOND: "0.5" });
  });
  afterAll(() => stack.close());

  it("refuses a user over the limit with 429, retry-after and RATE_LIMITED, and not another user", async () => {
    const token = await stack.userToken({ sub: randomUUID() });
    for (let i = 0; i < 3; i++) expect((await postTo(stack.gateway.url, token)).status).toBe(200);
    const refused = await postTo(stack.gateway.url, token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(refused.body.errors[0].extensions.retryAfter).toBeGreaterThanOrEqual(1);
    const other = await stack.userToken({ sub: randomUUID() });
    expect((await postTo(stack.gateway.url, other)).status).toBe(200);
  });

  it("charges a batch one token per operation", async () => {
    const token = await stack.userToken({ sub: randomUUID() });
    const response = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify([HEALTH, HEALTH, HEALTH]),
    });
    expect(response.status).toBe(200);
    expect((await postTo(stack.gateway.url, token)).status).toBe(429);
  });
});

describe("rate limits on Redis", () => {
  let stack: TestStack;
  let second: RunningGateway;
  beforeAll(async () => {
    stack = await startTestStack({
      REDIS_URL: "redis://127.0.0.1:6379",
      RATE_LIMIT_USER_CAPACITY: "6",
      RATE_LIMIT_USER_PER_SECOND: "0.2",
    });
    second = await createGateway(stack.config);
  });
  afterAll(async () => {
    await second.stop();
    await stack.close();
  });

  it("holds one limit across two gateway processes", async () => {
    const token = await stack.userToken({ sub: randomUUID() });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await postTo(stack.gateway.url, token)).status);
      statuses.push((await postTo(second.url, token)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    const refused = await postTo(second.url, token);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
