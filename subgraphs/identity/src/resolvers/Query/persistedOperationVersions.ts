import { z } from "zod";
import { listPersistedOperationVersions } from "../../domain/list-persisted-operation-versions";
import { PersistedOperationVersionStatus, type QueryResolvers } from "../../generated/resolvers-types";
import { name, page } from "../validation";

const Args = z.object({ ...page, app: name, status: z.enum(PersistedOperationVersionStatus).nullish() });

export const persistedOperationVersionsResolver: QueryResolvers["persistedOperationVersions"] = async (
  _,
  args,
  ctx,
) => {
  const input = Args.parse(args);
  return listPersistedOperationVersions(await ctx.memberScope(), input);
};
