import { submitAiModelFeedback } from "../../domain/submit-ai-model-feedback";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { SubmitAiModelFeedbackInput } from "../../inputs/ai-model-input";
import { inputOf } from "../shared";

export const submitAiModelFeedbackResolver: MutationResolvers["submitAiModelFeedback"] = async (_, args, ctx) => ({
  feedback: await submitAiModelFeedback(ctx.scope, inputOf(SubmitAiModelFeedbackInput, args)),
});
