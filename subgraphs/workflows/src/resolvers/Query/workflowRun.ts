import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const workflowRunResolver: QueryResolvers["workflowRun"] = (_, args, ctx) => {
  readerOf(ctx);
  return ctx.loaders.run.load(id.parse(args.id));
};
