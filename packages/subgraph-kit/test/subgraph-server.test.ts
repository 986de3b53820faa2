import { generateInternalKeyPair, IDENTITY_HEADER } from "@atelier/internal-auth";
import { signIdentity } from "@atelier/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, requireRole, type SubgraphServer } from "../src";
import { startTestSubgraph } from "./support/test-subgraph";

const typeDefs = parse(`
  type Query {
    whoami: String!
    conflict: String
    broken: String
    validated(size: Int!): Int!
    adminOnly: String
  }
`);
const resolvers = {
  Query: {
    whoami: (_: unknown, __: unknown, ctx: { identity: { kind: string } }) => ctx.identity.kind,
    conflict: () => {
      throw new ConflictError("That slug is taken.");
    },
    broken: () => {
      throw new Error("connection string postgres://secret@db leaked");
    },
    validated: (_: unknown, args: unknown) => z.object({ size: z.number().max(10) }).parse(args).size,
    adminOnly: (_: unknown, __: unknown, ctx: { identity: never }) => requireRole(ctx.identity, "ADMIN") && "yes",
  },
};

let server: SubgraphServer;
beforeAll(async () => {
  server = await startTestSubgraph("kit-test", typeDefs, resolvers);
});
afterAll(() => server.stop());

async function post(query: string, identityToken?: string) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(identityToken ? { [IDENTITY_HEADER]: identityToken } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions: { code: string } }[];
    },
  };
}
const viewer = () =>
  signIdentity({
    kind: "user",
    userId: crypto.randomUUID(),
    tenantId: crypto.randomUUID(),
    role: "VIEWER",
    sessionId: null,
    scopes: [],
  });

describe("subgraph server", () => {
  it("refuses a request without the gateway's identity token", async () => {
    const { status, body } = await post("{ whoami }");
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses an identity token signed by another key", async () => {
    const { signIdentity: sign } = await import("@atelier/testing");
    const forged = await sign({ kind: "anonymous" }, generateInternalKeyPair().privateKey);
    expect((await post("{ whoami }", forged)).status).toBe(401);
  });

  it("serves a request carrying a valid identity", async () => {
    const { body } = await post("{ whoami }", await signIdentity({ kind: "anonymous" }));
    expect(body.data).toEqual({ whoami: "anonymous" });
  });

  it("passes expected failures through with their code", async () => {
    const { body } = await post("{ conflict }", await viewer());
    expect(body.errors?.[0]).toMatchObject({ message: "That slug is taken.", extensions: { code: "CONFLICT" } });
  });

  it("masks unexpected errors", async () => {
    const { body } = await post("{ broken }", await viewer());
    expect(body.errors?.[0]?.extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect(JSON.stringify(body)).not.toContain("secret");
  });

  it("turns validation failures into BAD_USER_INPUT naming the field", async () => {
    const { body } = await post("{ validated(size: 99) }", await viewer());
    expect(body.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toContain("size");
  });

  it("refuses a role below the one required", async () => {
    const { body } = await post("{ adminOnly }", await viewer());
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("answers /health without credentials", async () => {
    const res = await fetch(server.url.replace("/graphql", "/health"));
    expect(res.status).toBe(200);
  });
});

describe("field suggestions", () => {
  it("are given while introspection is on", async () => {
    const { body } = await post("{ whoam }", await signIdentity({ kind: "anonymous" }));
    expect(body.errors?.[0]?.message).toMatch(/Did you mean "whoami"/);
  });

  it("are withheld when introspection is off", async () => {
    const closed = await startTestSubgraph("kit-closed", typeDefs, resolvers, { introspection: false });
    try {
      const res = await fetch(closed.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [IDENTITY_HEADER]: await signIdentity({ kind: "anonymous" }),
        },
        body: JSON.stringify({ query: "{ whoam }" }),
      });
      const body = (await res.json()) as { errors: { message: string }[] };
      expect(body.errors[0]?.message).toMatch(/Cannot query field "whoam"/);
      expect(body.errors[0]?.message).not.toMatch(/Did you mean/);
    } finally {
      await closed.stop();
    }
  });
});
