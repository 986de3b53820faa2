import { retryRun } from "../../domain/retry-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { runRefInput } from "../validation";

export const retryWorkflowRunResolver: MutationResolvers["retryWorkflowRun"] = async (_, { input }, ctx) => ({
  run: await retryRun(writerScope(ctx), runRefInput.parse(input).runId),
});
