import { requireRole } from "@atelier/subgraph-kit";
import { creditBalance } from "../data/credit-ledger";
import { listCreditTransactions } from "../data/lists";
import type { CreditAccountResolvers } from "../generated/resolvers-types";
import { PageArgs, readerScope } from "./shared";

export const CreditAccount: CreditAccountResolvers = {
  balance: (account, _, ctx) => ctx.scope.read(({ db }) => creditBalance(db, account.tenantId)),
  transactions: (_, args, ctx) => {
    requireRole(ctx.identity, "ADMIN");
    return listCreditTransactions(readerScope(ctx), PageArgs.parse(args));
  },
};
