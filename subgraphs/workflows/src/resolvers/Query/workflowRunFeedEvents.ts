import { createRunEventReader } from "../../data/run-event-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id, sequence } from "../validation";

export const workflowRunFeedEventsResolver: QueryResolvers["workflowRunFeedEvents"] = (_, args, ctx) =>
  readerScope(ctx).reads.read((tx) =>
    createRunEventReader(tx).feedAfter(id.parse(args.workspaceId), sequence.parse(args.afterSequence) ?? 0, args.first),
  );
