import { listBoards } from "../../data/lists";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../input-schemas";

export const kanbanQueries: Pick<
  QueryResolvers,
  "kanbanBoards" | "kanbanBoard" | "kanbanCard" | "cardFieldDefinitions"
> = {
  kanbanBoards: (_, args, ctx) =>
    listBoards(ctx.services.db, readerOf(ctx).tenantId, { ...args, workspaceId: id.parse(args.workspaceId) }),
  kanbanBoard: (_, args, ctx) =>
    ctx.services.db.kanbanBoard.findFirst({ where: { id: id.parse(args.id), tenantId: readerOf(ctx).tenantId } }),
  kanbanCard: (_, args, ctx) => {
    readerOf(ctx);
    return ctx.loaders.card.load(id.parse(args.id));
  },
  cardFieldDefinitions: (_, args, ctx) =>
    ctx.services.db.cardFieldDefinition.findMany({
      where: { tenantId: readerOf(ctx).tenantId, workspaceId: id.parse(args.workspaceId) },
      orderBy: { displayOrder: "asc" },
    }),
};
