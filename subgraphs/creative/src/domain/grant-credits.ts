import { recordAuditEvent } from "@atelier/db";
import type { Identity } from "@atelier/internal-auth";
import { ForbiddenError } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { CreativeServices } from "../context";
import { creditBalance } from "../data/credit-ledger";
import { CreditKind } from "../generated/resolvers-types";
import { inTenant } from "./scope";
import { id, optionalText } from "./validation";

export const GrantCreditsInput = z.object({
  tenantId: id,
  amount: z.number().int().min(1).max(10_000_000),
  kind: z.enum([CreditKind.Grant, CreditKind.Purchase], { message: "grants are GRANT or PURCHASE" }).nullish(),
  description: optionalText(500),
});

/**
 * Adds credits to a tenant's ledger. Only internal system callers (billing, operations)
 * may: a tenant's own members cannot mint credits.
 */
export async function grantCredits(
  services: CreativeServices,
  caller: { identity: Identity; requestId: string | null },
  input: z.infer<typeof GrantCreditsInput>,
) {
  if (caller.identity.kind !== "system") throw new ForbiddenError("Only internal billing services can grant credits.");
  const service = caller.identity.service;
  return inTenant(services, input.tenantId, async (tx) => {
    const transaction = await tx.creditTransaction.create({
      data: {
        tenantId: input.tenantId,
        kind: input.kind ?? "GRANT",
        amount: input.amount,
        description: input.description ?? `Granted by ${service}`,
      },
    });
    await recordAuditEvent(tx, {
      tenantId: input.tenantId,
      actorType: "SYSTEM",
      actorId: null,
      action: "credits.grant",
      resourceType: "CreditTransaction",
      resourceId: transaction.id,
      changes: { amount: input.amount, kind: transaction.kind, service },
      requestId: caller.requestId,
    });
    return { transaction, balance: await creditBalance(tx, input.tenantId) };
  });
}
