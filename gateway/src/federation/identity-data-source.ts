import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import {
  CLIENT_IP_HEADER,
  CLIENT_USER_AGENT_HEADER,
  IDENTITY_HEADER,
  type InternalTokenSigner,
} from "@atelier/internal-auth";
import { REQUEST_ID_HEADER } from "@atelier/logging";
import type { GatewayContext } from "../context";
import type { Fetcher } from "./keep-alive-fetcher";
import { withActionableErrors } from "./subgraph-errors";

/** Forwards the verified identity (signed for subgraphs) and the request id on every subgraph call. */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    fetcher: Fetcher | undefined,
    private readonly signer: InternalTokenSigner,
    private readonly serviceName = "subgraph",
  ) {
    super(fetcher ? { url, fetcher } : { url });
  }

  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return withActionableErrors(this.serviceName, () => super.process(options));
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = options.request.http?.headers;
    if (!headers) return;
    // Query-plan and health calls run without a request context: they act as the gateway itself.
    const context = options.context as Partial<GatewayContext>;
    const identity = context.identity ?? { kind: "system" as const, service: "gateway" };
    headers.set(IDENTITY_HEADER, await this.signer.sign(identity));
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.client?.ip) headers.set(CLIENT_IP_HEADER, context.client.ip);
    if (context.client?.userAgent) headers.set(CLIENT_USER_AGENT_HEADER, context.client.userAgent);
  }
}
