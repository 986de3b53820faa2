import type { StreamEventNotice } from "@atelier/live-events";
import type { Context } from "../context";
import { refundPhaseOnce } from "../data/credit-ledger";
import { appendGenerationEvent } from "../data/generation-events";
import { assertStatus, lockRequest } from "../data/generation-requests";
import { logUsage } from "../data/usage-log";
import { publishNotices } from "./publish-notices";
import { audit, inTenant, writerOf } from "./scope";

/** Cancels an unfinished request; the phase in progress is refunded, once. */
export async function cancelGenerationRequest(ctx: Context, input: { generationRequestId: string }) {
  const actor = writerOf(ctx.identity);
  const notices: StreamEventNotice[] = [];
  const request = await inTenant(ctx.services, actor.tenantId, async (tx) => {
    const current = await lockRequest(tx, actor.tenantId, input.generationRequestId);
    assertStatus(current, ["PENDING", "PROCESSING_SAMPLES", "AWAITING_SELECTION", "PROCESSING_FINAL"], "cancelling");
    const phase =
      current.status === "PROCESSING_FINAL" ? "FINAL" : current.status === "AWAITING_SELECTION" ? null : "SAMPLES";
    const refunded = phase
      ? await refundPhaseOnce(tx, {
          tenantId: actor.tenantId,
          generationRequestId: current.id,
          phase,
          actorId: actor.id,
          reason: `Cancelled during ${current.status}`,
        })
      : false;
    const updated = await tx.generationRequest.update({ where: { id: current.id }, data: { status: "CANCELLED" } });
    notices.push(await appendGenerationEvent(tx, updated, "CANCELLED", { refundedPhase: refunded ? phase : null }));
    if (refunded) {
      await logUsage(tx, {
        tenantId: actor.tenantId,
        actorId: actor.id,
        generationRequestId: current.id,
        action: "generation.refunded",
        details: { phase, reason: "cancelled" },
      });
    }
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "generation_request.cancel",
      resourceType: "GenerationRequest",
      resourceId: current.id,
      changes: { from: current.status, refundedPhase: refunded ? phase : null },
    });
    return updated;
  });
  await publishNotices(ctx.services, notices);
  return request;
}
