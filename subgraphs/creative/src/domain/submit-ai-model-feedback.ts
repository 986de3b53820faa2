import { NotFoundError, requireReader } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createAiModelStore } from "../data/ai-model-store";
import { createGenerationRequestStore } from "../data/generation-request-store";
import type { SubmitAiModelFeedbackInput } from "../inputs/ai-model-input";
import type { CreativeScope } from "../scope/creative-scope";

/** Any member may rate a generation of the tenant; the rating is tied to the model version that made it. */
export function submitAiModelFeedback(scope: CreativeScope, input: z.infer<typeof SubmitAiModelFeedbackInput>) {
  requireReader(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    const request = await createGenerationRequestStore(scoped).find(input.generationRequestId);
    if (!request) throw new NotFoundError(`Generation request ${input.generationRequestId} not found.`);
    const feedback = await createAiModelStore(scoped).recordFeedback({
      userId: actor.kind === "user" ? actor.actorId : null,
      generationRequestId: request.id,
      modelVersionId: request.modelVersionId,
      rating: input.rating,
      comment: input.comment ?? null,
    });
    scoped.audit({
      action: "ai_model.feedback",
      resourceType: "GenerationRequest",
      resourceId: request.id,
      changes: { rating: input.rating },
    });
    return feedback;
  });
}
