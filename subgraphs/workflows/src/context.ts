import type { BaseContext } from "@atelier/subgraph-kit";
import type { Loaders } from "./data/loaders";
import type { WorkflowServices } from "./services";

/** The per-request context of resolvers and domain functions. */
export type Context = BaseContext & {
  services: WorkflowServices;
  /** Created per request and bound to the caller's tenant: a shared cache would mix tenants. */
  loaders: Loaders;
};
