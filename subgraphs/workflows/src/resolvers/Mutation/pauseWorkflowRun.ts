import { pauseRun } from "../../domain/pause-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { runRefInput } from "../validation";

export const pauseWorkflowRunResolver: MutationResolvers["pauseWorkflowRun"] = async (_, { input }, ctx) => ({
  run: await pauseRun(writerScope(ctx), runRefInput.parse(input).runId),
});
