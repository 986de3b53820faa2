import type {
  KanbanBoardResolvers,
  KanbanCardResolvers,
  KanbanStageResolvers,
  StageTriggerResolvers,
} from "../../generated/resolvers-types";
import { mustLoad } from "./workflow-types";

export const KanbanBoard: KanbanBoardResolvers = {
  stages: (board, _, ctx) => ctx.loaders.stagesByBoard.load(board.id),
};

export const KanbanStage: KanbanStageResolvers = {
  cards: (stage, _, ctx) => ctx.loaders.cardsByStage.load(stage.id),
  triggers: (stage, _, ctx) => ctx.loaders.triggersByStage.load(stage.id),
};

export const KanbanCard: KanbanCardResolvers = {
  stage: (card, _, ctx) => mustLoad(ctx.loaders.stage.load(card.stageId), "The card's stage"),
  fields: (card) => card.customFields ?? {},
};

export const StageTrigger: StageTriggerResolvers = {
  workflow: (trigger, _, ctx) => mustLoad(ctx.loaders.workflow.load(trigger.workflowId), "The trigger's workflow"),
};
