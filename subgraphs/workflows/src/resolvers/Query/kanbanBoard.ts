import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const kanbanBoardResolver: QueryResolvers["kanbanBoard"] = (_, args, ctx) =>
  ctx.services.db.kanbanBoard.findFirst({ where: { id: id.parse(args.id), tenantId: readerOf(ctx).tenantId } });
