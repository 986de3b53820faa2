import { NotFoundError } from "@atelier/subgraph-kit";
import type { z } from "zod";
import type { Context } from "../context";
import type { SubmitAiModelFeedbackInput } from "./ai-model-input";
import { audit, inTenant, readerOf } from "./scope";

/** Any member may rate a generation of the tenant; the rating is tied to the model version that made it. */
export function submitAiModelFeedback(ctx: Context, input: z.infer<typeof SubmitAiModelFeedbackInput>) {
  const actor = readerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    const request = await tx.generationRequest.findFirst({
      where: { id: input.generationRequestId, tenantId: actor.tenantId },
    });
    if (!request) throw new NotFoundError(`Generation request ${input.generationRequestId} not found.`);
    const feedback = await tx.aiModelFeedback.create({
      data: {
        tenantId: actor.tenantId,
        userId: actor.kind === "user" ? actor.id : null,
        generationRequestId: request.id,
        modelVersionId: request.modelVersionId,
        rating: input.rating,
        comment: input.comment ?? null,
      },
    });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "ai_model.feedback",
      resourceType: "GenerationRequest",
      resourceId: request.id,
      changes: { rating: input.rating },
    });
    return feedback;
  });
}
