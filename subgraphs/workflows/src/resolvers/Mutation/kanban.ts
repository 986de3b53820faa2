import { writerOf } from "../../domain/actor";
import { createBoard } from "../../domain/create-board";
import { createCard } from "../../domain/create-card";
import { createFieldDefinition } from "../../domain/create-field-definition";
import { createStageTrigger } from "../../domain/create-stage-trigger";
import { moveCard } from "../../domain/move-card";
import { createStage, updateStage } from "../../domain/save-stage";
import { updateCard } from "../../domain/update-card";
import type { MutationResolvers } from "../../generated/resolvers-types";
import * as inputs from "../input-schemas";

type KanbanMutations =
  | "createKanbanBoard"
  | "createKanbanStage"
  | "updateKanbanStage"
  | "createCardFieldDefinition"
  | "createKanbanCard"
  | "moveKanbanCard"
  | "updateKanbanCard"
  | "createStageTrigger";

export const kanbanMutations: Pick<MutationResolvers, KanbanMutations> = {
  createKanbanBoard: async (_, { input }, ctx) => ({
    board: await createBoard(ctx.services, writerOf(ctx), inputs.createBoardInput.parse(input)),
  }),
  createKanbanStage: async (_, { input }, ctx) => ({
    stage: await createStage(ctx.services, writerOf(ctx), inputs.createStageInput.parse(input)),
  }),
  updateKanbanStage: async (_, { input }, ctx) => ({
    stage: await updateStage(ctx.services, writerOf(ctx), inputs.updateStageInput.parse(input)),
  }),
  createCardFieldDefinition: async (_, { input }, ctx) => ({
    fieldDefinition: await createFieldDefinition(
      ctx.services,
      writerOf(ctx, "ADMIN"),
      inputs.createFieldDefinitionInput.parse(input),
    ),
  }),
  createKanbanCard: (_, { input }, ctx) => createCard(ctx.services, writerOf(ctx), inputs.createCardInput.parse(input)),
  moveKanbanCard: (_, { input }, ctx) => moveCard(ctx.services, writerOf(ctx), inputs.moveCardInput.parse(input)),
  updateKanbanCard: (_, { input }, ctx) => updateCard(ctx.services, writerOf(ctx), inputs.updateCardInput.parse(input)),
  createStageTrigger: async (_, { input }, ctx) => ({
    trigger: await createStageTrigger(ctx.services, writerOf(ctx), inputs.createTriggerInput.parse(input)),
  }),
};
