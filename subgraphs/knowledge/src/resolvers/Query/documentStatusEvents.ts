import { documentStatusEvents as listEvents } from "../../domain/document-status-events";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const documentStatusEventsResolver: QueryResolvers["documentStatusEvents"] = (_parent, args, ctx) =>
  listEvents(ctx.scope(), args);
