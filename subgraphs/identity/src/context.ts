import type { BaseContext } from "@atelier/subgraph-kit";
import { createLoaders, type Loaders } from "./data/loaders";
import { authorize } from "./domain/authorize";
import type { AccountScope, MemberScope } from "./scope";
import type { IdentityServices } from "./services";

export type { IdentityServices };

/** The per-request context of resolvers. */
export interface IdentityContext extends BaseContext {
  services: IdentityServices;
  /** Created per request: a shared cache would mix tenants. */
  loaders: Loaders;
  /** The caller as an account operation sees it (signed in or not). */
  account: AccountScope;
  /**
   * The caller's scope in their active tenant, built on first use and kept for the request: it
   * re-reads the stored membership and tenant, so UNAUTHENTICATED/FORBIDDEN come from here for a
   * caller who is no APPROVED member of an ACTIVE tenant.
   */
  memberScope(): Promise<MemberScope>;
}

/** The name scripts/codegen.ts expects by default. */
export type Context = IdentityContext;

export function buildContext(base: BaseContext, services: IdentityServices): IdentityContext {
  const loaders = createLoaders(services, base.identity, base.requestId);
  const account: AccountScope = {
    identity: base.identity,
    requestId: base.requestId,
    client: base.client,
    services,
    loaders,
  };
  let member: Promise<MemberScope> | null = null;
  return { ...base, services, loaders, account, memberScope: () => (member ??= authorize(account)) };
}
