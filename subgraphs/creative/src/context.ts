import type { BaseContext } from "@atelier/subgraph-kit";
import type { Loaders } from "./data/loaders";
import type { CreativeScope } from "./scope/creative-scope";
import type { CreativeServices } from "./services";

/** The per-request context of resolvers. */
export interface Context extends BaseContext {
  services: CreativeServices;
  /** The caller's tenant scope; its actor is built on first use (anonymous callers fail there). */
  scope: CreativeScope;
  /** Created per request: a shared cache would mix tenants. */
  loaders: Loaders;
}
