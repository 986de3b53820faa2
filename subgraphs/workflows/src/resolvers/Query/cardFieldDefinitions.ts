import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const cardFieldDefinitionsResolver: QueryResolvers["cardFieldDefinitions"] = (_, args, ctx) =>
  ctx.services.db.cardFieldDefinition.findMany({
    where: { tenantId: readerOf(ctx).tenantId, workspaceId: id.parse(args.workspaceId) },
    orderBy: { displayOrder: "asc" },
  });
