import { listRuns } from "../../data/lists";
import { feedEventsAfter, runEventsAfter } from "../../data/run-events";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id, sequence } from "../input-schemas";

export const runQueries: Pick<
  QueryResolvers,
  "workflowRun" | "workflowRuns" | "workflowRunEvents" | "workflowRunFeedEvents"
> = {
  workflowRun: (_, args, ctx) => {
    readerOf(ctx);
    return ctx.loaders.run.load(id.parse(args.id));
  },
  workflowRuns: (_, args, ctx) =>
    listRuns(ctx.services.db, readerOf(ctx).tenantId, { ...args, workflowId: id.nullish().parse(args.workflowId) }),
  workflowRunEvents: (_, args, ctx) =>
    runEventsAfter(
      ctx.services.db,
      readerOf(ctx).tenantId,
      id.parse(args.runId),
      sequence.parse(args.afterSequence) ?? 0,
      args.first,
    ),
  workflowRunFeedEvents: (_, args, ctx) =>
    feedEventsAfter(
      ctx.services.db,
      readerOf(ctx).tenantId,
      id.parse(args.workspaceId),
      sequence.parse(args.afterSequence) ?? 0,
      args.first,
    ),
};
