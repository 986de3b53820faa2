import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const kanbanCardResolver: QueryResolvers["kanbanCard"] = (_, args, ctx) => {
  readerOf(ctx);
  return ctx.loaders.card.load(id.parse(args.id));
};
