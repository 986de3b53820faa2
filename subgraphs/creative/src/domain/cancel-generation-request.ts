import { requireWriter } from "@atelier/subgraph-kit";
import { refundPhaseOnce } from "../data/credit-ledger";
import { appendGenerationEvent } from "../data/generation-events";
import { assertStatus, lockRequest } from "../data/generation-requests";
import { logUsage } from "../data/usage-log";
import type { CreativeScope } from "../scope/creative-scope";

/** Cancels an unfinished request; the phase in progress is refunded, once. */
export async function cancelGenerationRequest(scope: CreativeScope, input: { generationRequestId: string }) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  const request = await scope.write(async (scoped) => {
    const tx = scoped.db;
    const current = await lockRequest(tx, actor.tenantId, input.generationRequestId);
    assertStatus(current, ["PENDING", "PROCESSING_SAMPLES", "AWAITING_SELECTION", "PROCESSING_FINAL"], "cancelling");
    const phase =
      current.status === "PROCESSING_FINAL" ? "FINAL" : current.status === "AWAITING_SELECTION" ? null : "SAMPLES";
    const refunded = phase
      ? await refundPhaseOnce(tx, {
          tenantId: actor.tenantId,
          generationRequestId: current.id,
          phase,
          actorId: actor.actorId,
          reason: `Cancelled during ${current.status}`,
        })
      : false;
    const updated = await tx.generationRequest.update({ where: { id: current.id }, data: { status: "CANCELLED" } });
    scoped.publish(await appendGenerationEvent(tx, updated, "CANCELLED", { refundedPhase: refunded ? phase : null }));
    if (refunded) {
      await logUsage(tx, {
        tenantId: actor.tenantId,
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
