import type { BaseContext } from "@atelier/subgraph-kit";
import type { Loaders } from "./data/loaders";
import type { WorkflowScope } from "./scope";
import type { WorkflowServices } from "./services";

/** The per-request context of resolvers. */
export type Context = BaseContext & {
  services: WorkflowServices;
  /**
   * The caller's tenant scope, built on first use: a caller who is no tenant member gets
   * UNAUTHENTICATED or FORBIDDEN from here, where the guards used to refuse them.
   */
  scope(): WorkflowScope;
  /** Created per request and read through the caller's scope: a shared cache would mix tenants. */
  loaders: Loaders;
};
