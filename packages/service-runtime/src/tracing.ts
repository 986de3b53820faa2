import type { IncomingHttpHeaders } from "node:http";
import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  trace,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

// W3C traceparent in and out even without an SDK: a non-recording span keeps the caller's trace id.
propagation.setGlobalPropagator(new W3CTraceContextPropagator());

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces exported over OTLP/HTTP when an endpoint is configured; otherwise no SDK
 * is loaded and spans cost next to nothing (they only carry the incoming trace context along).
 */
export async function startTracing(opts: { service: string; otlpEndpoint: string | null }): Promise<Tracing> {
  if (!opts.otlpEndpoint) return { shutdown: async () => {} };
  const [{ NodeSDK }, { OTLPTraceExporter }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
  ]);
  const sdk = new NodeSDK({
    serviceName: opts.service,
    traceExporter: new OTLPTraceExporter({ url: `${opts.otlpEndpoint.replace(/\/$/, "")}/v1/traces` }),
    // Spans come from our own request handling; auto-instrumentation patches every module on the hot path.
    instrumentations: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

const headerGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** A SERVER span continuing the caller's `traceparent`, if any; the caller ends it. */
export function startServerSpan(tracerName: string, name: string, headers: IncomingHttpHeaders): Span {
  const parent = propagation.extract(ROOT_CONTEXT, headers, headerGetter);
  return trace.getTracer(tracerName).startSpan(name, { kind: SpanKind.SERVER }, parent);
}

/** Starts a child span of `parent` (a CLIENT call, a job); the caller ends it. */
export function startChildSpan(
  tracerName: string,
  name: string,
  parent: Span | undefined,
  kind = SpanKind.CLIENT,
): Span {
  const ctx = parent ? trace.setSpan(ROOT_CONTEXT, parent) : context.active();
  return trace.getTracer(tracerName).startSpan(name, { kind }, ctx);
}

/** The `traceparent` (and `tracestate`) headers that make a callee's spans children of `span`. */
export function traceHeaders(span: Span | undefined): Record<string, string> {
  const carrier: Record<string, string> = {};
  const ctx: Context = span ? trace.setSpan(ROOT_CONTEXT, span) : context.active();
  propagation.inject(ctx, carrier);
  return carrier;
}

/** A span continuing a trace carried as headers in a record (a job's data). */
export function startSpanFromCarrier(
  tracerName: string,
  name: string,
  carrier: Record<string, string> | undefined,
  kind = SpanKind.CONSUMER,
): Span {
  const parent = carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
  return trace.getTracer(tracerName).startSpan(name, { kind }, parent);
}

/** Runs `fn` with `span` as the active span: what it starts (a job, a call) joins the trace. */
export function withActiveSpan<T>(span: Span, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), span), fn);
}

/** The active trace context as `traceparent` headers, or undefined when there is none (no SDK). */
export function activeTraceCarrier(): Record<string, string> | undefined {
  if (!trace.getSpanContext(context.active())) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : undefined;
}

export function endSpan(span: Span, error?: unknown): void {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message ?? String(error) });
  span.end();
}

export { type Span, SpanKind };
