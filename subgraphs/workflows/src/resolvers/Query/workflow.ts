import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const workflowResolver: QueryResolvers["workflow"] = (_, args, ctx) => {
  readerOf(ctx);
  return ctx.loaders.workflow.load(id.parse(args.id));
};
