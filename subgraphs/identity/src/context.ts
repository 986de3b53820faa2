import type { BaseContext } from "@atelier/subgraph-kit";
import type { Loaders } from "./data/loaders";
import type { IdentityServices } from "./services";

export type { IdentityServices };

/** The per-request context of resolvers and domain functions. */
export interface IdentityContext extends BaseContext {
  services: IdentityServices;
  /** Created per request: a shared cache would mix tenants. */
  loaders: Loaders;
}

/** The name scripts/codegen.ts expects by default. */
export type Context = IdentityContext;
