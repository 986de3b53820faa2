import { withTenant } from "@atelier/db";
import type { Db, PrismaClient } from "./db";

/** A transaction bound to one tenant: RLS policies apply on top of the queries' own filters. */
export function inTenant<R>(db: PrismaClient, tenantId: string, fn: (tx: Db) => Promise<R>): Promise<R> {
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's overloaded $transaction does not match the narrow interface
  return withTenant(db as any, tenantId, fn as any) as Promise<R>;
}
