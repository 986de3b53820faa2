import { createInternalTokenSigner, type Identity } from "@atelier/internal-auth";
import { createLogger } from "@atelier/logging";
import { createSubgraphServer, requireRole, type SubgraphServer } from "@atelier/subgraph-kit";
import { member, testKeys } from "@atelier/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bail } from "../src/federation/fast-path/bail";
import { createSubgraphClient } from "../src/federation/fast-path/subgraph-client";
import { createPerViewerBatches } from "../src/subscriptions/per-viewer-batches";
import { startEchoSubgraph } from "./support/echo-subgraph";

// One subgraph on @atelier/subgraph-kit (takes per-viewer requests), one plain Apollo subgraph (does not).
let kit: SubgraphServer;
let kitRequests = 0;
let echo: Awaited<ReturnType<typeof startEchoSubgraph>>;
const signer = createInternalTokenSigner({ privateKey: testKeys().privateKey });
const client = createSubgraphClient();

beforeAll(async () => {
  kit = await createSubgraphServer({
    name: "kit",
    typeDefs: parse(`type Query { whoami: Whoami! adminNote: String! } type Whoami { userId: String }`),
    resolvers: {
      Query: {
        whoami: (_: unknown, __: unknown, ctx: { identity: Identity }) => ({
          userId: ctx.identity.kind === "user" ? ctx.identity.userId : null,
        }),
        adminNote: (_: unknown, __: unknown, ctx: { identity: Identity }) => requireRole(ctx.identity, "ADMIN") && "ok",
      },
    },
    port: 0,
    internalPublicKey: testKeys().publicKey,
    logger: createLogger({ service: "kit", level: "silent" }),
    buildContext: (base) => base,
  });
  kit.httpServer.on("request", () => kitRequests++);
  echo = await startEchoSubgraph(testKeys().publicKey);
});
afterAll(async () => {
  await Promise.all([kit.stop(), echo.close(), client.close()]);
});

const call = (url: string, query: string) => ({
  subgraph: "kit",
  url,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query }),
});
const userIds = (answers: Record<string, unknown>[]) =>
  answers.map((a) => (a.whoami as { userId: string | null }).userId);

describe("viewer-dependent calls for many viewers", () => {
  it("go to a subgraph-kit subgraph as one request, each viewer answered as themselves", async () => {
    const batches = createPerViewerBatches(client, signer);
    const viewers = Array.from({ length: 150 }, () => member(crypto.randomUUID(), "VIEWER"));
    const before = kitRequests;
    const answers = await Promise.all(batches.fetchForViewers(call(kit.url, "{ whoami { userId } }"), viewers));
    expect(userIds(answers)).toEqual(viewers.map((v) => v.userId));
    // 150 viewers, at most 100 per request.
    expect(kitRequests - before).toBe(2);
  });

  it("made in one turn of the event loop for different viewers, share one request", async () => {
    const batches = createPerViewerBatches(client, signer);
    const viewers = [member("t", "VIEWER"), member("t", "VIEWER"), member("t", "VIEWER")];
    const before = kitRequests;
    const answers = await Promise.all(
      viewers.map((viewer) => batches.fetchFor(call(kit.url, "{ whoami { userId } }"), viewer)),
    );
    expect(userIds(answers)).toEqual(viewers.map((v) => v.userId));
    expect(kitRequests - before).toBe(1);
  });

  it("fail for the viewer refused alone, with Bail (the gateway then reads for them through Apollo)", async () => {
    const batches = createPerViewerBatches(client, signer);
    const [admin, viewer] = [member("t", "ADMIN"), member("t", "VIEWER")];
    const [forAdmin, forViewer] = batches.fetchForViewers(call(kit.url, "{ adminNote }"), [admin, viewer]);
    await expect(forAdmin).resolves.toEqual({ adminNote: "ok" });
    await expect(forViewer).rejects.toBeInstanceOf(Bail);
  });

  it("go one viewer at a time to a subgraph that does not take per-viewer requests, and keep doing so", async () => {
    const batches = createPerViewerBatches(client, signer);
    const viewers = [member("t", "VIEWER"), member("t", "EDITOR")];
    const first = await Promise.all(batches.fetchForViewers(call(echo.url, "{ whoami { userId } }"), viewers));
    expect(userIds(first)).toEqual(viewers.map((v) => v.userId));
    const seen = echo.seen.length;
    const second = await Promise.all(batches.fetchForViewers(call(echo.url, "{ whoami { userId } }"), viewers));
    expect(userIds(second)).toEqual(viewers.map((v) => v.userId));
    // No per-viewer request tried again: each viewer's own call passed the identity check.
    expect(echo.seen.slice(seen).map((s) => (s.identity as { userId: string }).userId)).toEqual(
      viewers.map((v) => v.userId),
    );
  });
});
