import { trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "./support/client";
import { type Stack, startStack } from "./support/stack";

const exporter = new InMemorySpanExporter();
let stack: Stack;

beforeAll(async () => {
  // What an OTLP exporter would send, kept in memory: every service of the stack runs in this process.
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
  trace.disable();
});

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("tracing a federated query", () => {
  it("continues the caller's traceparent through the gateway into both subgraphs it calls", async () => {
    const owner = await signUp(stack.url());
    exporter.reset();
    const res = await fetch(stack.url(), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${owner.token}`,
        traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: "query Home { me { email } credits { balance } }" }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();

    // Background work (workers, caches) traces itself separately: keep this request's trace.
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === TRACE_ID);
    const byService = (name: string) => spans.filter((s) => s.instrumentationScope.name === name);
    expect(byService("gateway").map((s) => s.name)).toEqual(
      expect.arrayContaining(["graphql", "subgraph identity", "subgraph creative"]),
    );
    expect(byService("identity")).toHaveLength(1);
    expect(byService("creative")).toHaveLength(1);
    const root = byService("gateway").find((s) => s.name === "graphql");
    expect(root?.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
    // Each subgraph's span is a child of the gateway's call to it.
    const calls = new Map(byService("gateway").map((s) => [s.spanContext().spanId, s.name]));
    expect(calls.get(byService("identity")[0]!.parentSpanContext?.spanId ?? "")).toBe("subgraph identity");
    expect(calls.get(byService("creative")[0]!.parentSpanContext?.spanId ?? "")).toBe("subgraph creative");
  });
});
