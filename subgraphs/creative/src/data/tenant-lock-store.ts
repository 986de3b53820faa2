import type { ScopedTx } from "@atelier/db";
import type { Db } from "./db";

/**
 * Serialises one kind of tenant-wide decision (credit balance, storage quota) until the
 * transaction ends: check-then-write under this lock cannot be raced by a concurrent request.
 */
export function createTenantLockStore(tx: ScopedTx<Db>) {
  return {
    async lock(purpose: "credits" | "storage"): Promise<void> {
      await tx.db
        .$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`creative:${purpose}:${tx.tenantId}`}, 0))`;
    },
  };
}
