import { createCreditStore } from "../data/credit-store";
import { createGenerationEventStore } from "../data/generation-event-store";
import { createGenerationRequestStore } from "../data/generation-request-store";
import { createUsageStore } from "../data/usage-store";
import type { CreativeScope } from "../scope/creative-scope";

/** Marks a request FAILED if it is still in the phase, and refunds that phase once. */
export async function failPhase(
  scope: CreativeScope,
  requestId: string,
  phase: "SAMPLES" | "FINAL",
  message: string,
): Promise<void> {
  const processing = phase === "SAMPLES" ? "PROCESSING_SAMPLES" : "PROCESSING_FINAL";
  await scope.write(async (scoped) => {
    const tx = scoped.db;
    const request = await createGenerationRequestStore(scoped).lock(requestId);
    if (request.status !== processing) return;
    const refunded = await createCreditStore(scoped).refundPhaseOnce({
      generationRequestId: requestId,
      phase,
      actorId: null,
      reason: `Generation failed: ${message}`.slice(0, 500),
    });
    const updated = await tx.generationRequest.update({
      where: { id: requestId },
      data: { status: "FAILED", errorMessage: message.slice(0, 2000) },
    });
    if (refunded) {
      await createUsageStore(scoped).log({
        actorId: null,
        generationRequestId: requestId,
        action: "generation.refunded",
        details: { phase, reason: "failed" },
      });
    }
    scoped.publish(await createGenerationEventStore(scoped).append(updated, "FAILED", { phase, refunded }));
  });
}
