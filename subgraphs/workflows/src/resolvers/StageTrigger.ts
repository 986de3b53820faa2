import type { StageTriggerResolvers } from "../generated/resolvers-types";
import { mustLoad } from "./must-load";

export const StageTrigger: StageTriggerResolvers = {
  workflow: (trigger, _, ctx) => mustLoad(ctx.loaders.workflow.load(trigger.workflowId), "The trigger's workflow"),
};
