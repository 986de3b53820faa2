import type { BaseContext } from "@atelier/subgraph-kit";
import type { Loaders } from "./data/loaders";
import type { KnowledgeServices } from "./services";

/** The per-request context of resolvers and domain functions. */
export interface Context extends BaseContext {
  services: KnowledgeServices;
  /** Created per request: a shared cache would mix tenants. */
  loaders: Loaders;
}
