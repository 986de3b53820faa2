import type { KanbanStageResolvers } from "../generated/resolvers-types";

export const KanbanStage: KanbanStageResolvers = {
  cards: (stage, _, ctx) => ctx.loaders.cardsByStage.load(stage.id),
  triggers: (stage, _, ctx) => ctx.loaders.triggersByStage.load(stage.id),
};
