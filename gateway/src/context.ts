import type { Identity } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";

/** What every resolver, plugin and data source sees about the request. */
export interface GatewayContext {
  identity: Identity;
  requestId: string;
  logger: Logger;
  /** The end client, forwarded to subgraphs (identity records it on sessions). */
  client: ClientInfo;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}
