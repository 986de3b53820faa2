import { listBoards } from "../../data/lists";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const kanbanBoardsResolver: QueryResolvers["kanbanBoards"] = (_, args, ctx) =>
  listBoards(ctx.services.db, readerOf(ctx).tenantId, { ...args, workspaceId: id.parse(args.workspaceId) });
