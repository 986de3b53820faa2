import { createBoardStore } from "../../data/board-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const kanbanBoardsResolver: QueryResolvers["kanbanBoards"] = (_, args, ctx) =>
  readerScope(ctx).read((tx) => createBoardStore(tx).list({ ...args, workspaceId: id.parse(args.workspaceId) }));
