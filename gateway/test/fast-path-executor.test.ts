import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FetchNode, PlanNode } from "@apollo/query-planner";
import { buildSchema, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { Bail } from "../src/federation/fast-path/bail";
import { Cancellation } from "../src/federation/fast-path/cancellation";
import { DocumentCache, documentKey } from "../src/federation/fast-path/document-cache";
import { executePlan, mergeInto, type PlanRun } from "../src/federation/fast-path/plan-executor";
import { MAX_SHAPERS, type PreparedOperation, shaperFor } from "../src/federation/fast-path/prepare-operation";
import { createSubgraphClient } from "../src/federation/fast-path/subgraph-client";

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

const fetchNode = (serviceName: string): FetchNode =>
  ({
    kind: "Fetch",
    serviceName,
    operation: "{a}",
    operationKind: "query",
    variableUsages: [],
  }) as unknown as FetchNode;

describe("the fast path's plan executor", () => {
  it("steps aside, rather than failing, when a subgraph sends an object where a scalar already is", () => {
    const target = { product: "p-1" };
    expect(() => mergeInto(target, { product: { upc: "1" } })).toThrow(Bail);
  });

  it("cancels sibling fetches still running once one of them fails", async () => {
    let cancelled = false;
    const slow = await serve((req) => req.once("close", () => (cancelled = true)));
    const failing = await serve((_req, res) => res.writeHead(200).end('{"errors":[{"message":"no"}]}'));
    const client = createSubgraphClient();
    const cancellation = new Cancellation();
    const run: PlanRun = {
      client,
      urls: new Map([
        ["slow", slow.url],
        ["failing", failing.url],
      ]),
      headers: { "content-type": "application/json" },
      variables: {},
      typeMatches: () => false,
      signal: cancellation,
      fetched: false,
    };
    const plan = { kind: "Parallel", nodes: [fetchNode("slow"), fetchNode("failing")] } as PlanNode;
    await expect(executePlan(run, plan, [{}])).rejects.toThrow(Bail);
    expect(run.fetched).toBe(true);
    cancellation.cancel();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cancelled).toBe(true);
    await client.close();
    slow.server.closeAllConnections();
    slow.server.close();
    failing.server.close();
  });
});

describe("the fast path's per-document state", () => {
  it(`keeps at most ${MAX_SHAPERS} compiled shapers per document, however many @include combinations arrive`, () => {
    const schema = buildSchema("type Query { a: String }");
    const count = 12;
    const definitions = Array.from({ length: count }, (_, i) => `$v${i}: Boolean!`).join(", ");
    const selections = Array.from({ length: count }, (_, i) => `a${i}: a @include(if: $v${i})`).join(" ");
    const document = parse(`query Q(${definitions}) { ${selections} }`);
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const prepared: PreparedOperation = {
      document,
      operation,
      fragments: {},
      plan: undefined,
      nonPublicRootField: null,
      limitsNeedVariables: true,
      conditionVariables: Array.from({ length: count }, (_, i) => `v${i}`),
      shapers: new Map(),
    };
    for (let combination = 0; combination < 200; combination++) {
      const variables = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`v${i}`, ((combination >> i) & 1) === 1]),
      );
      expect(shaperFor(schema, prepared, variables)({ a: "x" })).toMatch(/^\{/);
    }
    expect(prepared.shapers.size).toBeLessThanOrEqual(MAX_SHAPERS);
  });

  it("bounds documents by estimated bytes, the least recently used leaving first", () => {
    const cache = new DocumentCache<string>(1_000);
    cache.set("a", "a", 400);
    cache.set("b", "b", 400);
    cache.get("a");
    cache.set("c", "c", 400);
    expect(cache.bytes).toBeLessThanOrEqual(1_000);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.value).toBe("a");
    cache.set("huge", "huge", 5_000);
    expect(cache.get("huge")).toBeUndefined();
  });

  it("keys documents by the (operation name, query) pair without collisions", () => {
    const document = "query A { a } query B { a }";
    expect(documentKey(document, "A")).not.toBe(documentKey(`A\u0000${document}`, undefined));
    expect(documentKey(document, undefined)).not.toBe(documentKey(document, ""));
  });
});
