import { createBoardStore } from "../../data/board-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const kanbanBoardResolver: QueryResolvers["kanbanBoard"] = (_, args, ctx) =>
  readerScope(ctx).read((tx) => createBoardStore(tx).find(id.parse(args.id)));
