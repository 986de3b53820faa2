import { z } from "zod";
import { listPersistedOperationApps } from "../../domain/list-persisted-operation-apps";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object(page);

export const persistedOperationAppsResolver: QueryResolvers["persistedOperationApps"] = async (_, args, ctx) => {
  const input = Args.parse(args);
  return listPersistedOperationApps(await ctx.memberScope(), input);
};
