import { createTemplateStore } from "../../data/template-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";

export const workflowTemplatesResolver: QueryResolvers["workflowTemplates"] = (_, args, ctx) =>
  readerScope(ctx).read((tx) => createTemplateStore(tx).list(args));
