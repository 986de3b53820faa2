import type { ServerResponse } from "node:http";
import client from "prom-client";

/**
 * The process's Prometheus metrics (prom-client's default registry): one set per process, so
 * any package may add its own through `counter`/`gauge`/`histogram` without wiring.
 */
export const registry = client.register;

let defaultsCollected = false;

/** Process metrics (CPU, memory, event-loop lag, GC) labelled with the service, once per process. */
export function collectProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  registry.setDefaultLabels({ service });
  client.collectDefaultMetrics({ register: registry });
}

function existing<T>(name: string): T | undefined {
  return registry.getSingleMetric(name) as T | undefined;
}

/** A counter, created on first use: e.g. `counter("atelier_event_bus_reconnects_total", "…").inc()`. */
export function counter<L extends string = string>(
  name: string,
  help: string,
  labelNames: L[] = [],
): client.Counter<L> {
  return existing<client.Counter<L>>(name) ?? new client.Counter({ name, help, labelNames, registers: [registry] });
}

export function gauge<L extends string = string>(
  name: string,
  help: string,
  labelNames: L[] = [],
  collect?: (this: client.Gauge<L>) => Promise<void> | void,
): client.Gauge<L> {
  return (
    existing<client.Gauge<L>>(name) ??
    new client.Gauge({ name, help, labelNames, registers: [registry], ...(collect ? { collect } : {}) })
  );
}

/** Seconds; buckets from 5 ms to 10 s. */
export function histogram<L extends string = string>(
  name: string,
  help: string,
  labelNames: L[] = [],
): client.Histogram<L> {
  return (
    existing<client.Histogram<L>>(name) ??
    new client.Histogram({
      name,
      help,
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    })
  );
}

/** GraphQL requests by operation and outcome, and their latency: the same names on every service. */
export const graphqlRequests = () =>
  counter("atelier_graphql_requests_total", "GraphQL requests by operation and outcome", ["operation", "outcome"]);
export const graphqlDuration = () =>
  histogram("atelier_graphql_request_duration_seconds", "GraphQL request latency", ["operation", "outcome"]);

/** Records one finished GraphQL request; `outcome` is "ok", "error" (GraphQL errors) or an HTTP failure class. */
export function recordGraphQLRequest(operation: string | null | undefined, outcome: string, seconds: number): void {
  const labels = { operation: operation || "anonymous", outcome };
  graphqlRequests().inc(labels);
  graphqlDuration().observe(labels, seconds);
}

export async function sendMetrics(res: ServerResponse): Promise<void> {
  const text = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
  res.end(text);
}
