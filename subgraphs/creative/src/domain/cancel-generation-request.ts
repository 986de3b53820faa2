import { requireWriter } from "@atelier/subgraph-kit";
import { createCreditStore } from "../data/credit-store";
import { createGenerationEventStore } from "../data/generation-event-store";
import { createGenerationRequestStore } from "../data/generation-request-store";
import { createUsageStore } from "../data/usage-store";
import type { CreativeScope } from "../scope/creative-scope";
import { assertGenerationStatus } from "./assert-generation-status";

/** Cancels an unfinished request; the phase in progress is refunded, once. */
export async function cancelGenerationRequest(scope: CreativeScope, input: { generationRequestId: string }) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  const request = await scope.write(async (scoped) => {
    const tx = scoped.db;
    const current = await createGenerationRequestStore(scoped).lock(input.generationRequestId);
    assertGenerationStatus(
      current,
      ["PENDING", "PROCESSING_SAMPLES", "AWAITING_SELECTION", "PROCESSING_FINAL"],
      "cancelling",
    );
    const phase =
      current.status === "PROCESSING_FINAL" ? "FINAL" : current.status === "AWAITING_SELECTION" ? null : "SAMPLES";
    const refunded = phase
      ? await createCreditStore(scoped).refundPhaseOnce({
          generationRequestId: current.id,
          phase,
          actorId: actor.actorId,
          reason: `Cancelled during ${current.status}`,
        })
      : false;
    const updated = await tx.generationRequest.update({ where: { id: current.id }, data: { status: "CANCELLED" } });
    scoped.publish(
      await createGenerationEventStore(scoped).append(updated, "CANCELLED", { refundedPhase: refunded ? phase : null }),
    );
    if (refunded) {
      await createUsageStore(scoped).log({
        actorId: actor.actorId,
        generationRequestId: current.id,
        action: "generation.refunded",
        details: { phase, reason: "cancelled" },
      });
    }
    scoped.audit({
      action: "generation_request.cancel",
      resourceType: "GenerationRequest",
      resourceId: current.id,
      changes: { from: current.status, refundedPhase: refunded ? phase : null },
    });
    return updated;
  });
  return request;
}
