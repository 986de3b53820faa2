import { ForbiddenError, systemActor } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { BILLING_ONLY } from "../domain/grant-credits";
import { type CreativeScope, createCreativeScope } from "./creative-scope";

/**
 * The scope a credit grant runs in: the internal system caller acting in the tenant it names.
 * Anyone else is refused when the actor is first used (the grant's first line).
 */
export function billingScope(
  ctx: Pick<Context, "services" | "identity" | "requestId">,
  tenantId: string,
): CreativeScope {
  const { identity } = ctx;
  return createCreativeScope(ctx.services, () => {
    if (identity.kind !== "system") throw new ForbiddenError(BILLING_ONLY);
    return systemActor(tenantId, identity.service, ctx.requestId);
  });
}
