import { createRunEventReader } from "../../data/run-event-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id, sequence } from "../validation";

export const workflowRunEventsResolver: QueryResolvers["workflowRunEvents"] = (_, args, ctx) =>
  readerScope(ctx).reads.read((tx) =>
    createRunEventReader(tx).after(id.parse(args.runId), sequence.parse(args.afterSequence) ?? 0, args.first),
  );
