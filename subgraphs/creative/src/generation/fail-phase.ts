import type { CreativeServices } from "../context";
import { refundPhaseOnce } from "../data/credit-ledger";
import { appendGenerationEvent } from "../data/generation-events";
import { lockRequest } from "../data/generation-requests";
import { logUsage } from "../data/usage-log";
import { publishNotices } from "../domain/publish-notices";
import { inTenant } from "../domain/scope";

/** Marks a request FAILED if it is still in the phase, and refunds that phase once. */
export async function failPhase(
  services: CreativeServices,
  tenantId: string,
  requestId: string,
  phase: "SAMPLES" | "FINAL",
  message: string,
): Promise<void> {
  const processing = phase === "SAMPLES" ? "PROCESSING_SAMPLES" : "PROCESSING_FINAL";
  const notices = await inTenant(services, tenantId, async (tx) => {
    const request = await lockRequest(tx, tenantId, requestId);
    if (request.status !== processing) return [];
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
    return [await appendGenerationEvent(tx, updated, "FAILED", { phase, refunded })];
  });
  await publishNotices(services, notices);
}
