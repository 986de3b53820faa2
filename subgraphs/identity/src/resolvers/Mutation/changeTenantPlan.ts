import { z } from "zod";
import { changeTenantPlan } from "../../domain/change-tenant-plan";
import type { MutationResolvers } from "../../generated/resolvers-types";

const Input = z.object({ planCode: z.string().regex(/^[A-Z0-9_]{1,50}$/, "an upper-case plan code") });

export const changeTenantPlanResolver: MutationResolvers["changeTenantPlan"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { tenant: await changeTenantPlan(await ctx.memberScope(), input) };
};
