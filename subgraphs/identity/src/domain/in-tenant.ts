import { withTenant } from "@atelier/db";
import type { IdentityContext } from "../context";
import type { Db } from "../data/db";

/** A transaction bound to one tenant: RLS policies apply on top of the queries' own filters. */
export function inTenant<R>(ctx: IdentityContext, tenantId: string, fn: (tx: Db) => Promise<R>): Promise<R> {
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's overloaded $transaction does not match the narrow interface
  return withTenant(ctx.services.db as any, tenantId, fn as any) as Promise<R>;
}
