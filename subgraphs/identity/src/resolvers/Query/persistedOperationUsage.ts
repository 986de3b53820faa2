import { z } from "zod";
import { persistedOperationUsage } from "../../domain/persisted-operation-usage";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Args = z.object({ apiClientId: id, from: z.coerce.date(), to: z.coerce.date() });

export const persistedOperationUsageResolver: QueryResolvers["persistedOperationUsage"] = async (_, args, ctx) => {
  const input = Args.parse(args);
  return persistedOperationUsage(await ctx.memberScope(), input);
};
