import { type BaseContext, tenantActor } from "@atelier/subgraph-kit";
import { createLoaders, type Loaders } from "./data/loaders";
import { type RequestScope, requestScope } from "./scope";
import type { KnowledgeServices } from "./services";

/** The per-request context of resolvers and domain functions. */
export interface Context extends BaseContext {
  services: KnowledgeServices;
  /**
   * The caller's tenant scope, built on first use: UNAUTHENTICATED or FORBIDDEN for a caller
   * outside any tenant. Domain functions check the caller's right first, then call this.
   */
  scope(): RequestScope;
  /** Created per request: a shared cache would mix tenants. */
  loaders: Loaders;
}

export function buildContext(base: BaseContext, services: KnowledgeServices): Context {
  let scope: RequestScope | null = null;
  const scopeOf = () => {
    scope ??= requestScope(services, tenantActor(base.identity, base.requestId), base.log);
    return scope;
  };
  // Loaders answer "nothing" to a caller outside any tenant (an entity reference resolves to
  // null), as they always did, instead of failing the whole response.
  const loaderScope = () => {
    try {
      return scopeOf();
    } catch {
      return null;
    }
  };
  return { ...base, services, scope: scopeOf, loaders: createLoaders(services.sql, loaderScope) };
}
