import type { GenerationPhase } from "../generated/prisma/client";
import type { Db } from "./db";

/** The balance is derived from the ledger, never stored. */
export async function creditBalance(tx: Db, tenantId: string): Promise<number> {
  const result = await tx.creditTransaction.aggregate({ where: { tenantId }, _sum: { amount: true } });
  return result._sum.amount ?? 0;
}

export interface PhaseCharge {
  tenantId: string;
  generationRequestId: string;
  phase: GenerationPhase;
  amount: number;
  actorId: string | null;
}

export function debitPhase(tx: Db, charge: PhaseCharge) {
  return tx.creditTransaction.create({
    data: {
      tenantId: charge.tenantId,
      kind: charge.phase === "SAMPLES" ? "SAMPLE_DEBIT" : "FINAL_DEBIT",
      amount: -charge.amount,
      generationRequestId: charge.generationRequestId,
      phase: charge.phase,
      actorId: charge.actorId,
      description: `${charge.phase === "SAMPLES" ? "Samples" : "Final"} of generation ${charge.generationRequestId}`,
    },
  });
}

/**
 * Refunds what a phase was charged, at most once: the unique (request, phase, kind) index
 * turns a second refund into a no-op.
 */
export async function refundPhaseOnce(
  tx: Db,
  refund: Omit<PhaseCharge, "amount"> & { reason: string },
): Promise<boolean> {
  const debit = await tx.creditTransaction.findFirst({
    where: {
      tenantId: refund.tenantId,
      generationRequestId: refund.generationRequestId,
      phase: refund.phase,
      kind: { in: ["SAMPLE_DEBIT", "FINAL_DEBIT"] },
    },
  });
  if (!debit || debit.amount === 0) return false;
  const inserted = await tx.$executeRaw`
    INSERT INTO "creative"."credit_transactions" (id, "tenantId", kind, amount, "generationRequestId", phase, "actorId", description)
    VALUES (gen_random_uuid(), ${refund.tenantId}::uuid, 'REFUND', ${-debit.amount}, ${refund.generationRequestId}::uuid,
            ${refund.phase}::"creative"."GenerationPhase", ${refund.actorId}::uuid, ${refund.reason})
    ON CONFLICT ("generationRequestId", phase, kind) DO NOTHING`;
  return inserted === 1;
}
