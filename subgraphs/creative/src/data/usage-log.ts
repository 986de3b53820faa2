import type { Db } from "./db";

export interface UsageEntry {
  tenantId: string;
  actorId: string | null;
  generationRequestId?: string | null;
  action: string;
  creditsCost?: number | null;
  details?: Record<string, unknown>;
}

/** Appends a billable action to the usage log, in the caller's transaction. */
export async function logUsage(tx: Db, entry: UsageEntry): Promise<void> {
  await tx.usageLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actorId,
      generationRequestId: entry.generationRequestId ?? null,
      action: entry.action,
      creditsCost: entry.creditsCost ?? null,
      details: (entry.details ?? {}) as object,
    },
  });
}
