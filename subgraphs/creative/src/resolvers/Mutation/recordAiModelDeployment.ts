import { RecordAiModelDeploymentInput } from "../../domain/ai-model-input";
import { recordAiModelDeployment } from "../../domain/record-ai-model-deployment";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const recordAiModelDeploymentResolver: MutationResolvers["recordAiModelDeployment"] = async (_, args, ctx) => ({
  deployment: await recordAiModelDeployment(ctx.scope, inputOf(RecordAiModelDeploymentInput, args)),
});
