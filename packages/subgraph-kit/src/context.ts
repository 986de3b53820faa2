import type { Identity } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";

/** What every subgraph's context carries; subgraphs extend it with loaders and data access. */
export interface BaseContext {
  identity: Identity;
  requestId: string;
  log: Logger;
  /** The end client as the gateway saw it (null where the gateway did not say). */
  client: { ip: string | null; userAgent: string | null };
}
