import type { KanbanBoardResolvers } from "../generated/resolvers-types";

export const KanbanBoard: KanbanBoardResolvers = {
  stages: (board, _, ctx) => ctx.loaders.stagesByBoard.load(board.id),
};
