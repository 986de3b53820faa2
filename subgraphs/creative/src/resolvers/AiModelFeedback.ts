import type { AiModelFeedbackResolvers } from "../generated/resolvers-types";
import { referenced, userRef } from "./shared";

export const AiModelFeedback: AiModelFeedbackResolvers = {
  generationRequest: (f, _, ctx) => referenced(ctx.loaders.generationRequestById.load(f.generationRequestId)),
  modelVersion: (f, _, ctx) => (f.modelVersionId ? ctx.loaders.aiModelVersionById.load(f.modelVersionId) : null),
  user: (f) => userRef(f.userId),
};
