import type { ScopedTx } from "@atelier/db";
import { BadUserInputError, encodeCursor, type PageArgs, pageSize, toConnection } from "@atelier/subgraph-kit";
import type { Db } from "./db";

export interface UsageEntry {
  actorId: string | null;
  generationRequestId?: string | null;
  action: string;
  creditsCost?: number | null;
  details?: Record<string, unknown>;
}

/** The tenant's usage log: billable actions, newest first. */
export function createUsageStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    /** Appends a billable action, in the caller's transaction. */
    async log(entry: UsageEntry): Promise<void> {
      await db.usageLog.create({
        data: {
          tenantId,
          actorId: entry.actorId,
          generationRequestId: entry.generationRequestId ?? null,
          action: entry.action,
          creditsCost: entry.creditsCost ?? null,
          details: (entry.details ?? {}) as object,
        },
      });
    },

    async list(args: PageArgs) {
      const take = pageSize(args.first);
      let before: bigint | null = null;
      if (args.after) {
        const raw = Buffer.from(args.after, "base64url").toString("utf8");
        if (!/^\d{1,19}$/.test(raw)) throw new BadUserInputError("after: not a cursor of this list");
        before = BigInt(raw);
      }
      const rows = await db.usageLog.findMany({
        where: { tenantId, ...(before !== null ? { id: { lt: before } } : {}) },
        orderBy: { id: "desc" },
        take: take + 1,
      });
      return toConnection(rows, take, (row) => encodeCursor([row.id.toString()]));
    },
  };
}
