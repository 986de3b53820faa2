import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { Agent } from "undici";

export type Fetcher = NonNullable<RemoteGraphQLDataSource["fetcher"]>;
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

const CONNECTIONS_PER_ORIGIN = 64;

/** The few Headers methods Apollo's data source reads, over undici's plain header object. */
class ResponseHeaders {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const key of Object.keys(this.raw)) yield [key, this.get(key) ?? ""];
  }
  keys() {
    return Object.keys(this.raw)[Symbol.iterator]();
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  append(): void {
    throw new Error("response headers are read-only");
  }
  set(): void {
    throw new Error("response headers are read-only");
  }
  delete(): void {
    throw new Error("response headers are read-only");
  }
}

/**
 * A fetcher on undici's keep-alive pool. Apollo's default (make-fetch-happen) adds an HTTP
 * cache and per-request overhead that dominates the gateway's CPU for small subgraph calls.
 */
export function createKeepAliveFetcher(): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ connections: CONNECTIONS_PER_ORIGIN, pipelining: 1, keepAliveTimeout: 30_000 });

  const fetcher = async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const { statusCode, headers, body } = await agent.request({
      origin: new URL(url).origin,
      path: url.slice(url.indexOf("/", url.indexOf("//") + 2)) || "/",
      method: (init?.method ?? "GET") as "GET",
      headers: init?.headers as Record<string, string> | undefined,
      body: init?.body as string | undefined,
    });
    const text = await body.text();
    const response: FetcherResponse = {
      bodyUsed: true,
      url,
      redirected: false,
      status: statusCode,
      ok: statusCode >= 200 && statusCode < 300,
      statusText: String(statusCode),
      headers: new ResponseHeaders(headers),
      arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
      text: async () => text,
      json: async () => JSON.parse(text),
      clone: () => response,
    };
    return response;
  };
  return { fetcher, close: () => agent.close() };
}
