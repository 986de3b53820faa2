import { gql } from "@apollo/client/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apolloClient, sha256Hex } from "./support/apollo-client";
import { startTestStack, type TestStack } from "./support/test-stack";

const WHOAMI = gql`
  query Whoami {
    whoami {
      kind
      userId
    }
  }
`;

let stack: TestStack;
let bearer: Record<string, string>;
beforeAll(async () => {
  stack = await startTestStack();
  bearer = { authorization: `Bearer ${await stack.userToken()}` };
});
afterAll(() => stack.close());

describe("automatic persisted queries", () => {
  it("lets Apollo Client's persisted-query link register a document on a miss, then send only its hash", async () => {
    const first = apolloClient({ url: stack.gateway.url, headers: bearer });
    const result = await first.client.query({ query: WHOAMI });
    expect(result.data.whoami).toMatchObject({ kind: "user", userId: "user-1" });
    expect(first.sent.map((r) => Boolean(r.body?.query))).toEqual([false, true]);

    const second = apolloClient({ url: stack.gateway.url, headers: bearer });
    const again = await second.client.query({ query: WHOAMI });
    expect(again.data.whoami.userId).toBe("user-1");
    expect(second.sent).toHaveLength(1);
    expect(second.sent[0]?.body?.query).toBeUndefined();
  });

  it("serves hashed queries over GET with a private, short cache lifetime", async () => {
    const { client, sent } = apolloClient({ url: stack.gateway.url, headers: bearer, useGETForHashedQueries: true });
    const result = await client.query({ query: WHOAMI });
    expect(result.data.whoami.kind).toBe("user");
    expect(sent[0]?.method).toBe("GET");
    const response = await fetch(sent.at(-1)!.url, { headers: { ...bearer, "content-type": "application/json" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, max-age=10");
    expect(response.headers.get("vary")).toBe("authorization, x-api-key");
  });

  it("answers PERSISTED_QUERY_NOT_FOUND for an unknown hash", async () => {
    const hash = sha256Hex("{ never { sent } }");
    const { body } = await stack.post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, bearer);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("refuses a document whose hash does not match", async () => {
    const query = "{ whoami { kind } }";
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256Hex("{ other }") } };
    const { status, body } = await stack.post({ query, extensions }, bearer);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe("provided sha does not match query");
  });
});

describe("a deployment that requires persisted operations", () => {
  let strict: TestStack;
  beforeAll(async () => {
    strict = await startTestStack({ REQUIRE_PERSISTED_OPERATIONS: "true" });
  });
  afterAll(() => strict.close());

  it("refuses a first-party document", async () => {
    const token = await strict.userToken();
    const { status, body } = await strict.post({ query: "{ whoami { kind } }" }, { authorization: `Bearer ${token}` });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
  });

  it("still lets anonymous callers send documents for the public fields, such as signing in", async () => {
    const { status, body } = await strict.post({ query: "{ health }" });
    expect(status).toBe(200);
    expect(body.data.health).toBe("ok");
  });
});

describe("automatic persisted queries on Redis", () => {
  let shared: TestStack;
  let other: Awaited<ReturnType<typeof import("../src/server").createGateway>>;
  beforeAll(async () => {
    shared = await startTestStack({ REDIS_URL: "redis://127.0.0.1:6379" });
    const { createGateway } = await import("../src/server");
    other = await createGateway(shared.config);
  });
  afterAll(async () => {
    await other.stop();
    await shared.close();
  });

  it("knows on every replica a hash registered through one", async () => {
    const headers = { authorization: `Bearer ${await shared.userToken()}` };
    const query = `{ whoami { kind requestId } } # ${Date.now()}`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } };
    expect((await shared.post({ query, extensions }, headers)).status).toBe(200);
    const response = await fetch(other.url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ extensions }),
    });
    const body = await response.json();
    expect(body.data.whoami.kind).toBe("user");
  });
});
