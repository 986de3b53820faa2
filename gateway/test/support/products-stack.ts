import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { generateInternalKeyPair } from "@atelier/internal-auth";
import { parse } from "graphql";
import { serveBenchSubgraphs } from "../../../bench/products-supergraph/serve-subgraphs";
import { BENCH_SUBGRAPHS } from "../../../bench/products-supergraph/subgraphs";
import { loadGatewayConfig } from "../../src/config";
import { createGateway } from "../../src/server";

export interface RawAnswer {
  status: number;
  contentType: string | null;
  /** Response headers but those that differ per response (date, request id, length). */
  headers: Record<string, string>;
  text: string;
}

const PER_RESPONSE_HEADERS = new Set(["date", "x-request-id", "content-length", "keep-alive", "connection"]);

/**
 * The public gateways-benchmark supergraph (accounts, inventory, products, reviews) behind two
 * gateways: one with the fast path, one answering everything through Apollo. Records every
 * subgraph request body.
 */
export async function startProductsStack(env: Record<string, string> = {}) {
  const calls: { subgraph: string; body: string }[] = [];
  const subgraphs = await serveBenchSubgraphs(BENCH_SUBGRAPHS, (subgraph, body) => calls.push({ subgraph, body }));
  const composed = composeServices(
    BENCH_SUBGRAPHS.map((s) => ({ name: s.name, url: subgraphs.urls[s.name], typeDefs: parse(s.sdl) })),
  );
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const dir = mkdtempSync(join(tmpdir(), "atelier-products-"));
  const supergraphPath = join(dir, "supergraph.graphql");
  writeFileSync(supergraphPath, composed.supergraphSdl);
  const base = {
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SUPERGRAPH_PATH: supergraphPath,
    INTERNAL_JWT_PRIVATE_KEY: generateInternalKeyPair().privateKey,
    ALLOW_ANONYMOUS: "true",
    // The benchmark query is 8 levels of lists deep: past the default depth and cost limits.
    MAX_DEPTH: "50",
    MAX_COST: "10000000",
    ...env,
  };
  const fast = await createGateway(loadGatewayConfig({ ...base, FAST_PATH: "true" }));
  const apollo = await createGateway(loadGatewayConfig({ ...base, FAST_PATH: "false" }));

  async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    const kept = Object.fromEntries([...response.headers].filter(([name]) => !PER_RESPONSE_HEADERS.has(name)));
    const contentType = response.headers.get("content-type");
    return { status: response.status, contentType, headers: kept, text: await response.text() };
  }

  return {
    calls,
    /** The same request to both gateways: [fast path, Apollo]. */
    async both(body: unknown, headers: Record<string, string> = {}): Promise<[RawAnswer, RawAnswer]> {
      return [await post(fast.url, body, headers), await post(apollo.url, body, headers)];
    },
    fast: (body: unknown) => post(fast.url, body),
    apollo: (body: unknown) => post(apollo.url, body),
    async close() {
      await Promise.all([fast.stop(), apollo.stop()]);
      subgraphs.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
