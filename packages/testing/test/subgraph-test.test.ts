import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { IDENTITY_HEADER } from "@atelier/internal-auth";
import { describe, expect } from "vitest";
import { defineSubgraphTest, type RunningService } from "../src";

/** A stand-in service: answers GraphQL posts with whether an identity header came, echoes other paths. */
async function startEchoService(env: Record<string, string>): Promise<RunningService & { env: typeof env }> {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const signed = Boolean(request.headers[IDENTITY_HEADER]);
      const answer = request.url === "/graphql" ? { data: { signed, body: JSON.parse(body) } } : JSON.parse(body);
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    env,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const test = defineSubgraphTest({
  service: "audit",
  env: { GREETING: "hello" },
  start: (env) => startEchoService(env),
}).with({ env: () => ({ GREETING: "hi" }) });

const databases: string[] = [];

describe("defineSubgraphTest", () => {
  test("starts the service on a migrated database with the shared variables and the file's own", async ({
    subgraph,
    db,
  }) => {
    databases.push(db.name);
    expect(subgraph.env.DATABASE_URL).toBe(db.url);
    expect(subgraph.service.env.GREETING).toBe("hi");
    const { rows } = await subgraph.sql.query("SELECT count(*)::int AS n FROM audit.audit_events");
    expect(rows[0].n).toBe(0);
  });

  test("shares one database and service across the tests of a file", async ({ db }) => {
    databases.push(db.name);
    expect(new Set(databases).size).toBe(1);
  });

  test("calls as an identity with a signed header, or with none", async ({ as, newTenant, member }) => {
    const tenant = await newTenant();
    const signed = await as(member(tenant.tenantId, "VIEWER")).ok("{ ping }", { a: 1 });
    expect(signed).toEqual({ signed: true, body: { query: "{ ping }", variables: { a: 1 } } });
    expect((await as(null).gql("{ ping }")).data).toMatchObject({ signed: false });
    expect((await as(tenant.owner).post("/internal/echo", { b: 2 })).body).toEqual({ b: 2 });
  });

  test("gives each newTenant call a fresh tenant with an owner", async ({ newTenant }) => {
    const [a, b] = await Promise.all([newTenant(), newTenant()]);
    expect(a.tenantId).not.toBe(b.tenantId);
    expect(a.owner).toMatchObject({ kind: "user", tenantId: a.tenantId, role: "OWNER" });
  });
});
