import { listLiveSessions } from "../../data/sessions";
import { requireSignedIn } from "../../domain/authorize";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const mySessionsResolver: QueryResolvers["mySessions"] = (_, __, ctx) =>
  listLiveSessions(ctx.services.db, requireSignedIn(ctx).userId);
