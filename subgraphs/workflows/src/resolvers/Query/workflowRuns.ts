import { createRunStore } from "../../data/run-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const workflowRunsResolver: QueryResolvers["workflowRuns"] = (_, args, ctx) =>
  readerScope(ctx).read((tx) => createRunStore(tx).list({ ...args, workflowId: id.nullish().parse(args.workflowId) }));
