import { RecordAiModelValidationInput } from "../../domain/ai-model-input";
import { recordAiModelValidation } from "../../domain/record-ai-model-validation";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const recordAiModelValidationResolver: MutationResolvers["recordAiModelValidation"] = async (_, args, ctx) => ({
  validation: await recordAiModelValidation(ctx.scope, inputOf(RecordAiModelValidationInput, args)),
});
