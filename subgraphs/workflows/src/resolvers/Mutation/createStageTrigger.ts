import { z } from "@atelier/config";
import { createStageTrigger } from "../../domain/create-stage-trigger";
import { type MutationResolvers, TriggerEvent, TriggerOperator } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id, json } from "../validation";

const createTriggerInput = z.object({
  stageId: id,
  workflowId: id,
  event: z.enum(TriggerEvent),
  fieldName: z.string().min(1).max(50).nullish(),
  operator: z.enum(TriggerOperator).nullish(),
  value: json,
});

export const createStageTriggerResolver: MutationResolvers["createStageTrigger"] = async (_, { input }, ctx) => ({
  trigger: await createStageTrigger(writerScope(ctx), createTriggerInput.parse(input)),
});
