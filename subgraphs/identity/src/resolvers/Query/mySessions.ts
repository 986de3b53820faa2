import { createSessionStore } from "../../data/session-store";
import { requireSignedIn } from "../../domain/require-signed-in";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const mySessionsResolver: QueryResolvers["mySessions"] = (_, __, ctx) =>
  createSessionStore(ctx.services.db).listLive(requireSignedIn(ctx).userId);
