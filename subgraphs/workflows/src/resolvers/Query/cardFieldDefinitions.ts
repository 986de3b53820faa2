import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const cardFieldDefinitionsResolver: QueryResolvers["cardFieldDefinitions"] = (_, args, ctx) =>
  readerScope(ctx).read(({ db, tenantId }) =>
    db.cardFieldDefinition.findMany({
      where: { tenantId, workspaceId: id.parse(args.workspaceId) },
      orderBy: { displayOrder: "asc" },
    }),
  );
