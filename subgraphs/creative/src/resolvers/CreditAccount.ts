import { requireRole } from "@atelier/subgraph-kit";
import { creditBalance } from "../data/credit-ledger";
import { listCreditTransactions } from "../data/lists";
import { inTenant, readerOf } from "../domain/scope";
import type { CreditAccountResolvers } from "../generated/resolvers-types";
import { PageArgs } from "./shared";

export const CreditAccount: CreditAccountResolvers = {
  balance: (account, _, ctx) => inTenant(ctx.services, account.tenantId, (tx) => creditBalance(tx, account.tenantId)),
  transactions: (_, args, ctx) => {
    requireRole(ctx.identity, "ADMIN");
    return listCreditTransactions(ctx.services, readerOf(ctx.identity), PageArgs.parse(args));
  },
};
