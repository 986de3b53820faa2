import { z } from "@atelier/config";
import { moveCard } from "../../domain/move-card";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id } from "../validation";

const moveCardInput = z.object({
  cardId: id,
  stageId: id,
  position: z.number().int().min(0).max(100_000).nullish(),
});

export const moveKanbanCardResolver: MutationResolvers["moveKanbanCard"] = (_, { input }, ctx) =>
  moveCard(writerScope(ctx), moveCardInput.parse(input));
