import { endSpan, histogram, type Span, startChildSpan, traceHeaders } from "@atelier/service-runtime";
import { Agent } from "undici";
import { Bail } from "./bail";
import type { Cancellation } from "./cancellation";

const CONNECTIONS_PER_SUBGRAPH = 64;

// The histogram Apollo's data source observes (identity-data-source.ts): one name, one metric.
const fetchDuration = () =>
  histogram("atelier_subgraph_fetch_duration_seconds", "Gateway to subgraph fetch latency", ["subgraph", "outcome"]);

export interface SubgraphCall {
  /** The subgraph's name, for the fetch-duration metric. */
  subgraph: string;
  url: string;
  headers: Record<string, string>;
  /** The JSON request body, already written. */
  body: string;
  signal?: Cancellation;
  /** The request's span: the call is its child span and carries it on as `traceparent`, as Apollo's data source does. */
  parent?: Span;
}

export interface SubgraphClient {
  /** The response's `data`; Bail when the subgraph answered anything Apollo would report as an error. */
  fetchData(call: SubgraphCall): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A subgraph's HTTP answer as it came; Bail("subgraph unreachable…") when there was none. */
export interface SubgraphAnswer {
  statusCode: number;
  /** Whether it sent cache-control (Apollo would then answer a cache-control other than no-store). */
  cacheHint: boolean;
  text: string;
}

export interface SubgraphTransport extends SubgraphClient {
  /** The call's answer unread, for callers that word it themselves (per-viewer requests). */
  post(call: SubgraphCall): Promise<SubgraphAnswer>;
}

/** Subgraph calls on undici's keep-alive pools: one parse per response, no Fetch API objects. */
export function createSubgraphClient(): SubgraphTransport {
  const agent = new Agent({ connections: CONNECTIONS_PER_SUBGRAPH, pipelining: 1, keepAliveTimeout: 30_000 });
  const origins = new Map<string, { origin: string; path: string }>();
  const target = (url: string) => {
    let parsed = origins.get(url);
    if (!parsed) {
      const u = new URL(url);
      parsed = { origin: u.origin, path: `${u.pathname}${u.search}` };
      origins.set(url, parsed);
    }
    return parsed;
  };

  /** Runs `work` as the call's child span, observing its duration under the subgraph's name. */
  async function observed<T>(call: SubgraphCall, work: (call: SubgraphCall) => Promise<T>): Promise<T> {
    const started = performance.now();
    const span = call.parent && startChildSpan("gateway", `subgraph ${call.subgraph}`, call.parent);
    const trace = traceHeaders(span);
    let outcome = "failed";
    try {
      const result = await work(trace.traceparent ? { ...call, headers: { ...call.headers, ...trace } } : call);
      outcome = "ok";
      return result;
    } catch (error) {
      if (error instanceof Bail && !error.message.startsWith("subgraph unreachable")) outcome = "error";
      if (span) endSpan(span, error);
      throw error;
    } finally {
      fetchDuration().observe({ subgraph: call.subgraph, outcome }, (performance.now() - started) / 1000);
      if (span && outcome === "ok") span.end();
    }
  }

  async function post(call: SubgraphCall): Promise<SubgraphAnswer> {
    const { origin, path } = target(call.url);
    try {
      const response = await agent.request({
        origin,
        path,
        method: "POST",
        headers: call.headers,
        body: call.body,
        signal: call.signal,
      });
      const cacheHint = response.headers["cache-control"] !== undefined;
      return { statusCode: response.statusCode, cacheHint, text: await response.body.text() };
    } catch (error) {
      // Apollo words unreachable subgraphs as errors of its own; let it make the call and say so.
      throw new Bail(`subgraph unreachable: ${error}`);
    }
  }

  async function fetchOnce(call: SubgraphCall): Promise<Record<string, unknown>> {
    const { statusCode, cacheHint, text } = await post(call);
    if (statusCode < 200 || statusCode >= 300) throw new Bail(`subgraph answered ${statusCode}`);
    if (cacheHint) throw new Bail("subgraph sent cache-control");
    let parsed: { data?: unknown; errors?: unknown };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Bail("subgraph answer is not JSON");
    }
    if (parsed.errors !== undefined || typeof parsed.data !== "object" || parsed.data === null) {
      throw new Bail("subgraph answered errors or no data");
    }
    return parsed.data as Record<string, unknown>;
  }

  return {
    fetchData: (call) => observed(call, fetchOnce),
    post: (call) => observed(call, post),
    close: () => agent.close(),
  };
}
