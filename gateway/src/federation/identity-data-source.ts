import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import {
  CLIENT_IP_HEADER,
  CLIENT_USER_AGENT_HEADER,
  IDENTITY_HEADER,
  type InternalTokenSigner,
} from "@atelier/internal-auth";
import { REQUEST_ID_HEADER } from "@atelier/logging";
import { endSpan, histogram, type Span, startChildSpan, traceHeaders } from "@atelier/service-runtime";
import type { GatewayContext } from "../context";
import type { Fetcher } from "./keep-alive-fetcher";
import { withActionableErrors } from "./subgraph-errors";

const fetchDuration = () =>
  histogram("atelier_subgraph_fetch_duration_seconds", "Gateway to subgraph fetch latency", ["subgraph", "outcome"]);

/** The span of each subgraph call, from `process` (which times it) to `willSendRequest` (which sends it on). */
const callSpans = new WeakMap<object, Span>();

/**
 * Forwards the verified identity (signed for subgraphs), the request id and the trace context
 * on every subgraph call, timing each call.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    fetcher: Fetcher | undefined,
    private readonly signer: InternalTokenSigner,
    private readonly serviceName = "subgraph",
  ) {
    super(fetcher ? { url, fetcher } : { url });
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    const parent = (options.context as Partial<GatewayContext>).span;
    const span = startChildSpan("gateway", `subgraph ${this.serviceName}`, parent);
    callSpans.set(options.request, span);
    const started = performance.now();
    let outcome = "ok";
    try {
      const response = await withActionableErrors(this.serviceName, () => super.process(options));
      if (response.errors?.length) outcome = "error";
      return response;
    } catch (error) {
      outcome = "failed";
      endSpan(span, error);
      throw error;
    } finally {
      fetchDuration().observe({ subgraph: this.serviceName, outcome }, (performance.now() - started) / 1000);
      if (outcome !== "failed") span.end();
    }
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = options.request.http?.headers;
    if (!headers) return;
    // Query-plan and health calls run without a request context: they act as the gateway itself.
    const context = options.context as Partial<GatewayContext>;
    const identity = context.identity ?? { kind: "system" as const, service: "gateway" };
    headers.set(IDENTITY_HEADER, await this.signer.sign(identity));
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    for (const [name, value] of Object.entries(traceHeaders(callSpans.get(options.request)))) headers.set(name, value);
    if (context.client?.ip) headers.set(CLIENT_IP_HEADER, context.client.ip);
    if (context.client?.userAgent) headers.set(CLIENT_USER_AGENT_HEADER, context.client.userAgent);
  }
}
