import { cancelRun } from "../../domain/cancel-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { runRefInput } from "../validation";

export const cancelWorkflowRunResolver: MutationResolvers["cancelWorkflowRun"] = async (_, { input }, ctx) => ({
  run: await cancelRun(writerScope(ctx), runRefInput.parse(input).runId),
});
