import { writerOf } from "../../domain/actor";
import { pauseRun } from "../../domain/pause-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { runRefInput } from "../validation";

export const pauseWorkflowRunResolver: MutationResolvers["pauseWorkflowRun"] = async (_, { input }, ctx) => ({
  run: await pauseRun(ctx.services, writerOf(ctx), runRefInput.parse(input).runId),
});
