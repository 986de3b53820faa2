import { ApolloServer } from "@apollo/server";
import {
  createInternalTokenSigner,
  generateInternalKeyPair,
  type Identity,
  MAX_VIEWERS_PER_REQUEST,
  PER_VIEWER_HEADER,
  type SignedViewers,
} from "@atelier/internal-auth";
import { member, signIdentity, testKeys } from "@atelier/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requireRole, type SubgraphServer } from "../src";
import { startTestSubgraph } from "./support/test-subgraph";

const typeDefs = parse(`
  type Query { me: String! secret: String! contexts: Int! broken: String sized(size: Int!): Int! }
  type Mutation { touch: Int! }
`);
let contextsBuilt = 0;
let touched = 0;
type Ctx = { identity: { kind: string; userId?: string }; built: number };
const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => ctx.identity.userId ?? ctx.identity.kind,
    secret: (_: unknown, __: unknown, ctx: Ctx) => requireRole(ctx.identity as never, "ADMIN") && "for admins",
    contexts: (_: unknown, __: unknown, ctx: Ctx) => ctx.built,
    broken: () => {
      throw new Error("connection string postgres://secret@db leaked");
    },
    sized: (_: unknown, args: { size: number }) => args.size,
  },
  Mutation: { touch: () => ++touched },
};

let server: SubgraphServer;
beforeAll(async () => {
  server = await startTestSubgraph("kit-per-viewer", typeDefs, resolvers, {
    buildContext: (base) => ({ ...base, built: ++contextsBuilt }),
  });
});
afterAll(() => server.stop());

type Result = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };

const signViewers = (identities: Identity[], privateKey = testKeys().privateKey) =>
  createInternalTokenSigner({ privateKey }).signViewers(identities);

async function postPerViewer(viewers: SignedViewers, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", [PER_VIEWER_HEADER]: "1" },
    body: JSON.stringify({ viewers, request: { query, variables } }),
  });
  return { status: res.status, body: (await res.json()) as { results?: Result[]; errors?: Result["errors"] } };
}

describe("one request read for many viewers", () => {
  it("runs the operation once per viewer, each with its own identity and context, answers in order", async () => {
    const people = ["a", "b", "c"].map(() => member(crypto.randomUUID(), "VIEWER"));
    const before = contextsBuilt;
    const { status, body } = await postPerViewer(await signViewers(people), "{ me contexts }");
    expect(status).toBe(200);
    expect(body.results?.map((r) => r.data?.me)).toEqual(people.map((p) => p.userId));
    expect(new Set(body.results?.map((r) => r.data?.contexts)).size).toBe(3);
    expect(contextsBuilt - before).toBe(3);
  });

  it("checks each viewer's access on its own: one's refusal is not another's", async () => {
    const viewers = await signViewers([member(crypto.randomUUID(), "ADMIN"), member(crypto.randomUUID(), "VIEWER")]);
    const { body } = await postPerViewer(viewers, "{ secret }");
    expect(body.results?.[0]?.data).toEqual({ secret: "for admins" });
    expect(body.results?.[1]?.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  const someone = () => member(crypto.randomUUID());
  it.each([
    ["a list signed by another key", () => signViewers([someone()], generateInternalKeyPair().privateKey)],
    [
      "identities other than those signed",
      async () => ({ ...(await signViewers([someone()])), identities: JSON.stringify([someone()]) }),
    ],
    [
      "one viewer's own token",
      async () => ({ identities: JSON.stringify([someone()]), token: await signIdentity(someone()) }),
    ],
    ["an empty list", () => signViewers([])],
    ["no token", async () => ({ identities: JSON.stringify([someone()]), token: "" })],
  ])("refuses %s with 401 and reads nothing", async (_, token) => {
    const before = contextsBuilt;
    const { status, body } = await postPerViewer(await token(), "{ me }");
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(contextsBuilt).toBe(before);
  });

  it("keeps a per-viewer list from passing for one identity", async () => {
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-atelier-identity": (await signViewers([member("t")])).token },
      body: JSON.stringify({ query: "{ me }" }),
    });
    expect(res.status).toBe(401);
  });

  it("refuses writes, so one request never writes once per viewer", async () => {
    const admin = member(crypto.randomUUID(), "ADMIN");
    const { status, body } = await postPerViewer(await signViewers([admin, admin]), "mutation { touch }");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/may only read/);
    expect(touched).toBe(0);
  });

  it.each([
    ["too many viewers", MAX_VIEWERS_PER_REQUEST + 1, "{ me }"],
    ["a query that does not parse", 1, "{ me"],
  ])("refuses %s with BAD_REQUEST", async (_, count, query) => {
    const viewers = await signViewers(Array.from({ length: count }, () => member(crypto.randomUUID())));
    const { status, body } = await postPerViewer(viewers, query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe("BAD_REQUEST");
  });

  it("masks an unexpected error and codes bad variables, as a request of its own would", async () => {
    const viewers = await signViewers([member(crypto.randomUUID())]);
    const broken = await postPerViewer(viewers, "{ broken }");
    expect(broken.body.results?.[0]?.errors?.[0]?.extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect(JSON.stringify(broken.body)).not.toContain("secret");
    const sized = await postPerViewer(viewers, "query($size: Int!) { sized(size: $size) }", { size: "big" });
    expect(sized.body.results?.[0]?.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    const fine = await postPerViewer(viewers, "query($size: Int!) { sized(size: $size) }", { size: 3 });
    expect(fine.body.results?.[0]).toEqual({ data: { sized: 3 } });
  });

  it("reads that answer without errors on graphql-js alone; only a read with errors goes through Apollo", async () => {
    const pipeline = vi.spyOn(ApolloServer.prototype, "executeOperation");
    try {
      const viewers = await signViewers([member(crypto.randomUUID()), member(crypto.randomUUID())]);
      expect((await postPerViewer(viewers, "{ me }")).body.results).toHaveLength(2);
      expect(pipeline).not.toHaveBeenCalled();
      await postPerViewer(viewers, "{ broken }");
      expect(pipeline).toHaveBeenCalledTimes(2);
    } finally {
      pipeline.mockRestore();
    }
  });

  it("words a validation error per viewer as a request of its own would", async () => {
    const { body } = await postPerViewer(await signViewers([member(crypto.randomUUID())]), "{ nope }");
    expect(body.results?.[0]?.errors?.[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
