import { refundPhaseOnce } from "../data/credit-ledger";
import { appendGenerationEvent } from "../data/generation-events";
import { lockRequest } from "../data/generation-requests";
import { logUsage } from "../data/usage-log";
import type { CreativeScope } from "../scope/creative-scope";

/** Marks a request FAILED if it is still in the phase, and refunds that phase once. */
export async function failPhase(
  scope: CreativeScope,
  requestId: string,
  phase: "SAMPLES" | "FINAL",
  message: string,
): Promise<void> {
  const { tenantId } = scope;
  const processing = phase === "SAMPLES" ? "PROCESSING_SAMPLES" : "PROCESSING_FINAL";
  await scope.write(async (scoped) => {
    const tx = scoped.db;
    const request = await lockRequest(tx, tenantId, requestId);
    if (request.status !== processing) return;
    const refunded = await refundPhaseOnce(tx, {
      tenantId,
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
      await logUsage(tx, {
        tenantId,
        actorId: null,
        generationRequestId: requestId,
        action: "generation.refunded",
        details: { phase, reason: "failed" },
      });
    }
    scoped.publish(await appendGenerationEvent(tx, updated, "FAILED", { phase, refunded }));
  });
}
