import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const workflowRunResolver: QueryResolvers["workflowRun"] = (_, args, ctx) => {
  readerScope(ctx);
  return ctx.loaders.run.load(id.parse(args.id));
};
