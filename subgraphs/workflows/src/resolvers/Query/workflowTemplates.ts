import { listTemplates } from "../../data/lists";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const workflowTemplatesResolver: QueryResolvers["workflowTemplates"] = (_, args, ctx) =>
  listTemplates(ctx.services.db, readerOf(ctx).tenantId, args);
