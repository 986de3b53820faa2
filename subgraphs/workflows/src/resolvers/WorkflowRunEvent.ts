import type { WorkflowRunEventResolvers } from "../generated/resolvers-types";
import { mustLoad } from "./must-load";

export const WorkflowRunEvent: WorkflowRunEventResolvers = {
  type: (event) => event.type as never,
  status: (event) => event.status as never,
  run: (event, _, ctx) => mustLoad(ctx.loaders.run.load(event.runId), "The run"),
};
