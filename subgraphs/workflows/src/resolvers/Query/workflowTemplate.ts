import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const workflowTemplateResolver: QueryResolvers["workflowTemplate"] = (_, args, ctx) => {
  readerScope(ctx);
  return ctx.loaders.template.load(id.parse(args.id));
};
