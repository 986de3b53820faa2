import { z } from "zod";
import { listPersistedOperationApps } from "../../domain/list-persisted-operation-apps";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object(page);

export const persistedOperationAppsResolver: QueryResolvers["persistedOperationApps"] = (_, args, ctx) =>
  listPersistedOperationApps(ctx, Args.parse(args));
