import { feedEventsAfter } from "../../data/run-events";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id, sequence } from "../validation";

export const workflowRunFeedEventsResolver: QueryResolvers["workflowRunFeedEvents"] = (_, args, ctx) =>
  feedEventsAfter(
    ctx.services.db,
    readerOf(ctx).tenantId,
    id.parse(args.workspaceId),
    sequence.parse(args.afterSequence) ?? 0,
    args.first,
  );
