import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { member } from "@atelier/testing";
import { afterAll, describe, expect } from "vitest";
import { type KnowledgeSubgraph, knowledgeTest } from "./fixture";

// The default policy (no URI_FETCH_ALLOW_PRIVATE): a loopback server stands for the services
// beside knowledge, and must never be reached by a document import.
let h: KnowledgeSubgraph;
let internal: Server;
let port: number;
let reached = 0;
const editor = member(randomUUID());
const IMPORT = `mutation($input: CreateDocumentFromUriInput!) { createDocumentFromUri(input: $input) { document { id } } }`;

const test = knowledgeTest.with({ env: { URI_FETCH_ALLOW_PRIVATE: "false" } });
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  internal = createServer((_, res) => {
    reached++;
    res.writeHead(200, { "content-type": "text/plain" }).end("health: ok");
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  port = (internal.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => internal.close(resolve));
});

describe("importing a document from a URI on a private address", () => {
  test.each([
    "http://127.0.0.1:PORT/health",
    "http://[::ffff:127.0.0.1]:PORT/health",
    "http://[::ffff:7f00:1]:PORT/",
    "http://2130706433:PORT/",
    "http://0177.0.0.1:PORT/",
    "http://0x7f.1:PORT/",
    "http://localhost:PORT/",
  ])("refuses %s with BAD_USER_INPUT, fetching nothing", async (url) => {
    const res = await h.gql(editor, IMPORT, {
      input: { workspaceId: randomUUID(), uri: url.replace("PORT", String(port)) },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/private network addresses are not fetched/);
    expect(reached).toBe(0);
  });
});
