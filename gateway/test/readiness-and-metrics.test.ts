import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack } from "./support/test-stack";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let auth: Record<string, string>;
const base = () => stack.gateway.url.replace(/\/graphql$/, "");

beforeAll(async () => {
  stack = await startTestStack();
  auth = { authorization: `Bearer ${await stack.userToken()}` };
});
afterAll(() => stack?.close());

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe("/metrics", () => {
  it("counts GraphQL requests by operation and outcome, and times subgraph fetches", async () => {
    await stack.post({ query: "query Health { health }" }, auth);
    await stack.post({ query: "query Forbidden { forbidden }" }, auth);
    const text = await (await fetch(`${base()}/metrics`)).text();
    expect(text).toMatch(/atelier_graphql_requests_total\{[^}]*operation="Health",outcome="ok"[^}]*\} [1-9]/);
    expect(text).toMatch(/atelier_graphql_requests_total\{[^}]*operation="Forbidden",outcome="error"[^}]*\} [1-9]/);
    expect(text).toMatch(/atelier_graphql_request_duration_seconds_count\{[^}]*operation="Health"/);
    expect(text).toMatch(/atelier_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="echo"/);
    expect(text).toMatch(/atelier_http_requests_total\{[^}]*path="\/graphql",status="200"/);
    expect(text).toMatch(/^atelier_event_bus_connected 1$/m);
    expect(text).toMatch(/^atelier_event_bus_reconnects_total 0$/m);
  });
});

describe("/ready", () => {
  it("is 503 naming the event bus when its PostgreSQL does not answer", async () => {
    const down = await startTestStack({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/x` });
    try {
      const response = await fetch(`${down.gateway.url.replace(/\/graphql$/, "")}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", checks: { eventBus: /^unavailable/ } });
    } finally {
      await down.close();
    }
  });

  it("is 200 with the event bus and every subgraph reachable", async () => {
    const response = await fetch(`${base()}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ready", checks: { eventBus: "ok" } });
  });
});
