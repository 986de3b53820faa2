import { z } from "@atelier/config";
import { createStage } from "../../domain/create-stage";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { hexColour, id } from "../validation";

const createStageInput = z.object({
  boardId: id,
  name: z.string().trim().min(2).max(50),
  color: hexColour,
  position: z.number().int().min(0).max(1000).nullish(),
});

export const createKanbanStageResolver: MutationResolvers["createKanbanStage"] = async (_, { input }, ctx) => ({
  stage: await createStage(writerScope(ctx), createStageInput.parse(input)),
});
