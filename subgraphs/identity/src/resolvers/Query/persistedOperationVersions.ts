import { z } from "zod";
import { listPersistedOperationVersions } from "../../domain/list-persisted-operation-versions";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { name, page } from "../validation";

const Args = z.object({ ...page, app: name, status: z.enum(["ACTIVE", "RETIRED"]).nullish() });

export const persistedOperationVersionsResolver: QueryResolvers["persistedOperationVersions"] = (_, args, ctx) =>
  listPersistedOperationVersions(ctx, Args.parse(args));
