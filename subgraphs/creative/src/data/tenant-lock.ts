import type { Db } from "./db";

/**
 * Serialises one kind of tenant-wide decision (credit balance, storage quota) until the
 * transaction ends: check-then-write under this lock cannot be raced by a concurrent request.
 */
export async function lockTenant(tx: Db, tenantId: string, purpose: "credits" | "storage"): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`creative:${purpose}:${tenantId}`}, 0))`;
}
