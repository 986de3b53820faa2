import type { Identity } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";
import type { Span } from "@atelier/service-runtime";

/** What every resolver, plugin and data source sees about the request. */
export interface GatewayContext {
  identity: Identity;
  requestId: string;
  logger: Logger;
  /** The end client, forwarded to subgraphs (identity records it on sessions). */
  client: ClientInfo;
  /** The request's trace span: subgraph calls carry it on as `traceparent`. */
  span?: Span;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}
