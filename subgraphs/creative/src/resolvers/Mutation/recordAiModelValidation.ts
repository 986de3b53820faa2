import { recordAiModelValidation } from "../../domain/record-ai-model-validation";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { RecordAiModelValidationInput } from "../../inputs/ai-model-input";
import { inputOf } from "../shared";

export const recordAiModelValidationResolver: MutationResolvers["recordAiModelValidation"] = async (_, args, ctx) => ({
  validation: await recordAiModelValidation(ctx.scope, inputOf(RecordAiModelValidationInput, args)),
});
