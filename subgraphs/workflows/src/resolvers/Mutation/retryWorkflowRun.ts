import { writerOf } from "../../domain/actor";
import { retryRun } from "../../domain/retry-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { runRefInput } from "../validation";

export const retryWorkflowRunResolver: MutationResolvers["retryWorkflowRun"] = async (_, { input }, ctx) => ({
  run: await retryRun(ctx.services, writerOf(ctx), runRefInput.parse(input).runId),
});
