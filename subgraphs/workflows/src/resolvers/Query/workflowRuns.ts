import { listRuns } from "../../data/lists";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const workflowRunsResolver: QueryResolvers["workflowRuns"] = (_, args, ctx) =>
  listRuns(ctx.services.db, readerOf(ctx).tenantId, { ...args, workflowId: id.nullish().parse(args.workflowId) });
