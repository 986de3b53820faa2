import { recordAiModelDeployment } from "../../domain/record-ai-model-deployment";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { RecordAiModelDeploymentInput } from "../../inputs/ai-model-input";
import { inputOf } from "../shared";

export const recordAiModelDeploymentResolver: MutationResolvers["recordAiModelDeployment"] = async (_, args, ctx) => ({
  deployment: await recordAiModelDeployment(ctx.scope, inputOf(RecordAiModelDeploymentInput, args)),
});
