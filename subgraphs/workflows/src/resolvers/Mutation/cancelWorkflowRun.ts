import { writerOf } from "../../domain/actor";
import { cancelRun } from "../../domain/cancel-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { runRefInput } from "../validation";

export const cancelWorkflowRunResolver: MutationResolvers["cancelWorkflowRun"] = async (_, { input }, ctx) => ({
  run: await cancelRun(ctx.services, writerOf(ctx), runRefInput.parse(input).runId),
});
