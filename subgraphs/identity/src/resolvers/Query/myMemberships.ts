import { requireSignedIn } from "../../domain/require-signed-in";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const myMembershipsResolver: QueryResolvers["myMemberships"] = (_, __, ctx) =>
  ctx.loaders.ownMemberships.load(requireSignedIn(ctx).userId);
