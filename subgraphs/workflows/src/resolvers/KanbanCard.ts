import type { KanbanCardResolvers } from "../generated/resolvers-types";
import { mustLoad } from "./must-load";

export const KanbanCard: KanbanCardResolvers = {
  stage: (card, _, ctx) => mustLoad(ctx.loaders.stage.load(card.stageId), "The card's stage"),
  fields: (card) => card.customFields ?? {},
};
