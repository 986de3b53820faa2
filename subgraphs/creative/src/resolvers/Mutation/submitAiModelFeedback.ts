import { SubmitAiModelFeedbackInput } from "../../domain/ai-model-input";
import { submitAiModelFeedback } from "../../domain/submit-ai-model-feedback";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const submitAiModelFeedbackResolver: MutationResolvers["submitAiModelFeedback"] = async (_, args, ctx) => ({
  feedback: await submitAiModelFeedback(ctx.scope, inputOf(SubmitAiModelFeedbackInput, args)),
});
