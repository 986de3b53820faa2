import { requireUser } from "@atelier/subgraph-kit";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const myMembershipsResolver: QueryResolvers["myMemberships"] = (_, __, ctx) =>
  ctx.loaders.ownMemberships.load(requireUser(ctx).userId);
