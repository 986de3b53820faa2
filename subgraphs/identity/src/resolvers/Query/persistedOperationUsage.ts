import { z } from "zod";
import { persistedOperationUsage } from "../../domain/persisted-operation-usage";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Args = z.object({ apiClientId: id, from: z.coerce.date(), to: z.coerce.date() });

export const persistedOperationUsageResolver: QueryResolvers["persistedOperationUsage"] = (_, args, ctx) =>
  persistedOperationUsage(ctx, Args.parse(args));
