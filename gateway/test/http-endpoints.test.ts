import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "./support/test-stack";

let stack: TestStack;
let auth: Record<string, string>;
beforeAll(async () => {
  stack = await startTestStack();
  auth = { authorization: `Bearer ${await stack.userToken()}` };
});
afterAll(() => stack.close());

const base = () => stack.gateway.url.replace(/\/graphql$/, "");

describe("HTTP endpoints", () => {
  it("answers /health", async () => {
    const response = await fetch(`${base()}/health`);
    expect(response.status).toBe(200);
  });

  it("is ready when every subgraph answers", async () => {
    const response = await fetch(`${base()}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ready", subgraphs: [{ name: "echo", reachable: true }] });
  });

  it("echoes the caller's x-request-id and makes one otherwise", async () => {
    const given = await fetch(`${base()}/health`, { headers: { "x-request-id": "trace-123" } });
    expect(given.headers.get("x-request-id")).toBe("trace-123");
    const made = await stack.post({ query: "{ health }" });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an unknown operationName with 400", async () => {
    const { status, body } = await stack.post({ query: "query A { health }", operationName: "B" }, auth);
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/Unknown operation named "B"/);
  });

  it("runs queries over GET", async () => {
    const response = await fetch(`${stack.gateway.url}?query=${encodeURIComponent("{ health }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { health: "ok" } });
  });

  it("refuses malformed JSON with 400", async () => {
    const response = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(response.status).toBe(400);
  });
});

describe("GraphQL IDE", () => {
  it("serves a page whose scripts and styles all come from the gateway", async () => {
    const response = await fetch(stack.gateway.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(5);
    for (const asset of assets) {
      const file = await fetch(`${base()}${asset}`);
      expect(file.status, asset).toBe(200);
      expect(file.headers.get("content-type")).toMatch(asset.endsWith(".css") ? /text\/css/ : /javascript/);
      expect(file.headers.get("cache-control")).toContain("immutable");
      await file.arrayBuffer();
    }
  });
});

describe("readiness with a subgraph down", () => {
  it("answers 503", async () => {
    const other = await startTestStack();
    await other.subgraph.close();
    try {
      const response = await fetch(`${other.gateway.url.replace(/\/graphql$/, "")}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", subgraphs: [{ reachable: false }] });
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});
