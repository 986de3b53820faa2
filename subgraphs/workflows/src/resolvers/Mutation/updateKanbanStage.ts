import { z } from "@atelier/config";
import { updateStage } from "../../domain/update-stage";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { hexColour, id } from "../validation";

const updateStageInput = z.object({
  id,
  name: z.string().trim().min(2).max(50).nullish(),
  color: hexColour.nullish(),
  position: z.number().int().min(0).max(1000).nullish(),
});

export const updateKanbanStageResolver: MutationResolvers["updateKanbanStage"] = async (_, { input }, ctx) => ({
  stage: await updateStage(writerScope(ctx), updateStageInput.parse(input)),
});
