import { ForbiddenError } from "@atelier/subgraph-kit";
import { z } from "zod";
import { createCreditStore } from "../data/credit-store";
import { CreditKind } from "../generated/resolvers-types";
import { id, optionalText } from "../inputs/validation";
import type { CreativeScope } from "../scope/creative-scope";

export const GrantCreditsInput = z.object({
  tenantId: id,
  amount: z.number().int().min(1).max(10_000_000),
  kind: z.enum([CreditKind.Grant, CreditKind.Purchase], { message: "grants are GRANT or PURCHASE" }).nullish(),
  description: optionalText(500),
});

export const BILLING_ONLY = "Only internal billing services can grant credits.";

/**
 * Adds credits to a tenant's ledger. Only internal system callers (billing, operations)
 * may: a tenant's own members cannot mint credits.
 */
export async function grantCredits(scope: CreativeScope, input: z.infer<typeof GrantCreditsInput>) {
  if (scope.actor.kind !== "system") throw new ForbiddenError(BILLING_ONLY);
  const service = scope.actor.identity.kind === "system" ? scope.actor.identity.service : "";
  return scope.write(async (scoped) => {
    const credits = createCreditStore(scoped);
    const transaction = await credits.grant({
      kind: input.kind ?? "GRANT",
      amount: input.amount,
      description: input.description ?? `Granted by ${service}`,
    });
    scoped.audit({
      action: "credits.grant",
      resourceType: "CreditTransaction",
      resourceId: transaction.id,
      changes: { amount: input.amount, kind: transaction.kind, service },
    });
    return { transaction, balance: await credits.balance() };
  });
}
