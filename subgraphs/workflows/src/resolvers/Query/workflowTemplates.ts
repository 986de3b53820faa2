import { listTemplates } from "../../data/lists";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";

export const workflowTemplatesResolver: QueryResolvers["workflowTemplates"] = (_, args, ctx) =>
  readerScope(ctx).read((tx) => listTemplates(tx, args));
