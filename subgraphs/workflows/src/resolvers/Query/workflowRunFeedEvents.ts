import { feedEventsAfter } from "../../data/run-events";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id, sequence } from "../validation";

export const workflowRunFeedEventsResolver: QueryResolvers["workflowRunFeedEvents"] = (_, args, ctx) =>
  readerScope(ctx).read((tx) =>
    feedEventsAfter(tx, id.parse(args.workspaceId), sequence.parse(args.afterSequence) ?? 0, args.first),
  );
