import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const kanbanBoardResolver: QueryResolvers["kanbanBoard"] = (_, args, ctx) =>
  readerScope(ctx).read(({ db, tenantId }) => db.kanbanBoard.findFirst({ where: { id: id.parse(args.id), tenantId } }));
