import { requireRole } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { creditBalance } from "../data/credit-ledger";
import { listCreditTransactions, listUsage } from "../data/lists";
import { GrantCreditsInput, grantCredits } from "../domain/grant-credits";
import { inTenant, readerOf } from "../domain/scope";
import type { UsageLog } from "../generated/prisma/client";
import { type Args, inputOf, PageArgs } from "./shared";

export const creditResolvers = {
  Query: {
    credits: (_: unknown, __: Args, ctx: Context) => ({ tenantId: readerOf(ctx.identity).tenantId }),
    usageLog: (_: unknown, args: Args, ctx: Context) => {
      requireRole(ctx.identity, "ADMIN");
      return listUsage(ctx.services, readerOf(ctx.identity), PageArgs.parse(args));
    },
  },
  Mutation: {
    grantCredits: (_: unknown, args: Args, ctx: Context) =>
      grantCredits(
        ctx.services,
        { identity: ctx.identity, requestId: ctx.requestId },
        inputOf(GrantCreditsInput, args),
      ),
  },
  CreditAccount: {
    balance: (account: { tenantId: string }, _: Args, ctx: Context) =>
      inTenant(ctx.services, account.tenantId, (tx) => creditBalance(tx, account.tenantId)),
    transactions: (_: unknown, args: Args, ctx: Context) => {
      requireRole(ctx.identity, "ADMIN");
      return listCreditTransactions(ctx.services, readerOf(ctx.identity), PageArgs.parse(args));
    },
  },
  UsageLogEntry: {
    id: (u: UsageLog) => u.id.toString(),
    details: (u: UsageLog) => u.details ?? {},
  },
};
