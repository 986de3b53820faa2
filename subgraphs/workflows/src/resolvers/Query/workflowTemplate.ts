import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const workflowTemplateResolver: QueryResolvers["workflowTemplate"] = (_, args, ctx) => {
  readerOf(ctx);
  return ctx.loaders.template.load(id.parse(args.id));
};
