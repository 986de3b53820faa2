import { requireRole } from "@atelier/subgraph-kit";
import { createCreditStore } from "../data/credit-store";
import type { CreditAccountResolvers } from "../generated/resolvers-types";
import { PageArgs, readerScope } from "./shared";

export const CreditAccount: CreditAccountResolvers = {
  // The account is always the caller's tenant (Query.credits): its balance is read in their scope.
  balance: (_account, _, ctx) => ctx.scope.read((tx) => createCreditStore(tx).balance()),
  transactions: (_, args, ctx) => {
    requireRole(ctx.identity, "ADMIN");
    const scope = readerScope(ctx);
    const page = PageArgs.parse(args);
    return scope.read((tx) => createCreditStore(tx).list(page));
  },
};
