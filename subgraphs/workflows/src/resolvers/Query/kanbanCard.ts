import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const kanbanCardResolver: QueryResolvers["kanbanCard"] = (_, args, ctx) => {
  readerScope(ctx);
  return ctx.loaders.card.load(id.parse(args.id));
};
