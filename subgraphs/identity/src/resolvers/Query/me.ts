import { NotFoundError, requireUser } from "@atelier/subgraph-kit";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const meResolver: QueryResolvers["me"] = async (_, __, ctx) => {
  const user = await ctx.loaders.userById.load(requireUser(ctx).userId);
  if (!user) throw new NotFoundError("Your account no longer exists.");
  return user;
};
