import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const workflowResolver: QueryResolvers["workflow"] = (_, args, ctx) => {
  readerScope(ctx);
  return ctx.loaders.workflow.load(id.parse(args.id));
};
