import { listTemplates } from "../../data/lists";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../input-schemas";

export const templateQueries: Pick<QueryResolvers, "workflowTemplates" | "workflowTemplate"> = {
  workflowTemplates: (_, args, ctx) => listTemplates(ctx.services.db, readerOf(ctx).tenantId, args),
  workflowTemplate: (_, args, ctx) => {
    readerOf(ctx);
    return ctx.loaders.template.load(id.parse(args.id));
  },
};
