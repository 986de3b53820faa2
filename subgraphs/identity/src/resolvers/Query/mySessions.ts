import { requireUser } from "@atelier/subgraph-kit";
import { createSessionStore } from "../../data/session-store";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const mySessionsResolver: QueryResolvers["mySessions"] = (_, __, ctx) =>
  createSessionStore(ctx.services.db).listLive(requireUser(ctx).userId);
