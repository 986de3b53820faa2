import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "./support/apollo-client";
import { startTestStack, TEST_API_KEY, type TestStack, WHOAMI_DOCUMENT, WHOAMI_ID } from "./support/test-stack";

const partner = { "x-api-key": TEST_API_KEY };
const OTHER_CLIENTS_ID = "health-for-client-2";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ USAGE_FLUSH_MS: "100" });
  stack.identity.operations.push({
    id: OTHER_CLIENTS_ID,
    document: "{ health }",
    tenantId: "tenant-api",
    apiClientIds: ["client-2"],
  });
});
afterAll(() => stack.close());

describe("API-key callers and persisted operations", () => {
  it("run a published operation named by documentId", async () => {
    const { status, body } = await stack.post({ documentId: WHOAMI_ID }, partner);
    expect(status).toBe(200);
    expect(body.data.whoami.apiClientId).toBe("client-1");
  });

  it("run a published operation named by extensions.persistedQuery over GET, cacheably", async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: WHOAMI_ID } });
    const response = await fetch(`${stack.gateway.url}?extensions=${encodeURIComponent(extensions)}`, {
      headers: { ...partner, "apollo-require-preflight": "true" },
    });
    const body = await response.json();
    expect(body.data.whoami.kind).toBe("apiClient");
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
  });

  it("refuses a raw document with PERSISTED_QUERY_NOT_ALLOWED, even the text of a published one", async () => {
    const before = stack.subgraph.seen.length;
    const { status, body } = await stack.post({ query: WHOAMI_DOCUMENT }, partner);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect(stack.subgraph.seen.length).toBe(before);
  });

  it("may not register documents through automatic persisted queries", async () => {
    const query = "{ health }";
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } };
    const { body } = await stack.post({ query, extensions }, partner);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
  });

  it("answers PERSISTED_QUERY_NOT_FOUND for an unknown id", async () => {
    const { body } = await stack.post({ documentId: "no-such-operation" }, partner);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("answers PERSISTED_QUERY_NOT_FOUND for another client's operation", async () => {
    const { body } = await stack.post({ documentId: OTHER_CLIENTS_ID }, partner);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("refuses a whole batch when one of its operations is a raw document", async () => {
    const { status, body } = await stack.post([{ documentId: WHOAMI_ID }, { query: "{ health }" }], partner);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
  });

  it("reports calls per operation and client to identity", async () => {
    await stack.post({ documentId: WHOAMI_ID, operationName: null }, partner);
    await expect
      .poll(() => stack.identity.usage.filter((row) => row.operationId === WHOAMI_ID).length, { timeout: 5_000 })
      .toBeGreaterThan(0);
    const row = stack.identity.usage.find((r) => r.operationId === WHOAMI_ID)!;
    expect(row).toMatchObject({ tenantId: "tenant-api", apiClientId: "client-1", errors: 0 });
    expect(row.calls).toBeGreaterThan(0);
    expect(typeof row.windowStart).toBe("string");
  });
});
