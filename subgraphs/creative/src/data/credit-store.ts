import type { ScopedTx } from "@atelier/db";
import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { CreditKind, GenerationPhase } from "../generated/prisma/client";
import type { Db } from "./db";

export interface PhaseCharge {
  generationRequestId: string;
  phase: GenerationPhase;
  amount: number;
  actorId: string | null;
}

/** The tenant's credit ledger (append-only; the balance is derived from it, never stored). */
export function createCreditStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    async balance(): Promise<number> {
      const result = await db.creditTransaction.aggregate({ where: { tenantId }, _sum: { amount: true } });
      return result._sum.amount ?? 0;
    },

    grant(grant: { kind: Extract<CreditKind, "GRANT" | "PURCHASE">; amount: number; description: string }) {
      return db.creditTransaction.create({ data: { tenantId, ...grant } });
    },

    debitPhase(charge: PhaseCharge) {
      return db.creditTransaction.create({
        data: {
          tenantId,
          kind: charge.phase === "SAMPLES" ? "SAMPLE_DEBIT" : "FINAL_DEBIT",
          amount: -charge.amount,
          generationRequestId: charge.generationRequestId,
          phase: charge.phase,
          actorId: charge.actorId,
          description: `${charge.phase === "SAMPLES" ? "Samples" : "Final"} of generation ${charge.generationRequestId}`,
        },
      });
    },

    /**
     * Refunds what a phase was charged, at most once: the unique (request, phase, kind) index
     * turns a second refund into a no-op.
     */
    async refundPhaseOnce(refund: Omit<PhaseCharge, "amount"> & { reason: string }): Promise<boolean> {
      const debit = await db.creditTransaction.findFirst({
        where: {
          tenantId,
          generationRequestId: refund.generationRequestId,
          phase: refund.phase,
          kind: { in: ["SAMPLE_DEBIT", "FINAL_DEBIT"] },
        },
      });
      if (!debit || debit.amount === 0) return false;
      const inserted = await db.$executeRaw`
        INSERT INTO "creative"."credit_transactions" (id, "tenantId", kind, amount, "generationRequestId", phase, "actorId", description)
        VALUES (gen_random_uuid(), ${tenantId}::uuid, 'REFUND', ${-debit.amount}, ${refund.generationRequestId}::uuid,
                ${refund.phase}::"creative"."GenerationPhase", ${refund.actorId}::uuid, ${refund.reason})
        ON CONFLICT ("generationRequestId", phase, kind) DO NOTHING`;
      return inserted === 1;
    },

    /** Newest first. */
    list(args: PageArgs) {
      return prismaKeysetPage(
        db,
        { table: `creative."credit_transactions"`, direction: "desc", scope: { tenantId } },
        args,
        (page) => db.creditTransaction.findMany({ where: { tenantId }, ...page }),
      );
    },
  };
}
