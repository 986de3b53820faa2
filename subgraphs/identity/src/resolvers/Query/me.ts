import { NotFoundError } from "@atelier/subgraph-kit";
import { requireSignedIn } from "../../domain/require-signed-in";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const meResolver: QueryResolvers["me"] = async (_, __, ctx) => {
  const user = await ctx.loaders.userById.load(requireSignedIn(ctx).userId);
  if (!user) throw new NotFoundError("Your account no longer exists.");
  return user;
};
