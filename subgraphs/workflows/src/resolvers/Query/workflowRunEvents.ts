import { runEventsAfter } from "../../data/run-events";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id, sequence } from "../validation";

export const workflowRunEventsResolver: QueryResolvers["workflowRunEvents"] = (_, args, ctx) =>
  runEventsAfter(
    ctx.services.db,
    readerOf(ctx).tenantId,
    id.parse(args.runId),
    sequence.parse(args.afterSequence) ?? 0,
    args.first,
  );
