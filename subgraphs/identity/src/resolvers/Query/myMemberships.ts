import { requireSignedIn } from "../../domain/authorize";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const myMembershipsResolver: QueryResolvers["myMemberships"] = (_, __, ctx) =>
  ctx.loaders.ownMemberships.load(requireSignedIn(ctx).userId);
