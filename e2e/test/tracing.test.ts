import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, signUp } from "./support/client";
import { type Stack, startStack } from "./support/stack";

const exporter = new InMemorySpanExporter();
let stack: Stack;

beforeAll(async () => {
  // What an OTLP exporter would send, kept in memory: every service of the stack runs in this process.
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  // As @opentelemetry/sdk-node sets up: a request's span stays active through its resolvers.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
  trace.disable();
  context.disable();
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

  it("carries the trace of the request that queued a job into the job's run", async () => {
    const owner = await signUp(stack.url());
    const workspace = await ok(
      stack.url(),
      `mutation { createWorkspace(input: { name: "Traced" }) { workspace { id } } }`,
      {},
      owner.token,
    );
    exporter.reset();
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    const res = await fetch(stack.url(), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${owner.token}`,
        traceparent: `00-${traceId}-b7ad6b7169203331-01`,
      },
      body: JSON.stringify({
        query: `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`,
        variables: {
          input: {
            workspaceId: workspace.createWorkspace.workspace.id,
            title: "Traced brief",
            mimeType: "text/plain",
            text: "A short brief about harbour photography.",
          },
        },
      }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    await expect
      .poll(() => exporter.getFinishedSpans().find((s) => s.name === "job knowledge-ingest-document"), {
        timeout: 30_000,
      })
      .toBeDefined();
    const job = exporter.getFinishedSpans().find((s) => s.name === "job knowledge-ingest-document")!;
    expect(job.spanContext().traceId).toBe(traceId);
    const knowledge = exporter.getFinishedSpans().find((s) => s.instrumentationScope.name === "knowledge");
    expect(job.parentSpanContext?.spanId).toBe(knowledge?.spanContext().spanId);
  });
});
