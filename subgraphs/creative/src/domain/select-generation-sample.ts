import type { StreamEventNotice } from "@atelier/live-events";
import { NotFoundError } from "@atelier/subgraph-kit";
import type { z } from "zod";
import type { Context } from "../context";
import { creditBalance, debitPhase } from "../data/credit-ledger";
import { appendGenerationEvent } from "../data/generation-events";
import { assertStatus, lockRequest } from "../data/generation-requests";
import { lockTenant } from "../data/tenant-lock";
import { logUsage } from "../data/usage-log";
import { enqueueInTransaction, FINAL_QUEUE } from "./enqueue-in-transaction";
import type { SelectGenerationSampleInput } from "./generation-input";
import { InsufficientCreditsError } from "./insufficient-credits";
import { publishNotices } from "./publish-notices";
import { audit, inTenant, writerOf } from "./scope";

/** Picks a sample; the final phase is debited and started in the same transaction. */
export async function selectGenerationSample(ctx: Context, input: z.infer<typeof SelectGenerationSampleInput>) {
  const actor = writerOf(ctx.identity);
  const notices: StreamEventNotice[] = [];
  const request = await inTenant(ctx.services, actor.tenantId, async (tx) => {
    await lockTenant(tx, actor.tenantId, "credits");
    const current = await lockRequest(tx, actor.tenantId, input.generationRequestId);
    assertStatus(current, ["AWAITING_SELECTION"], "selecting a sample");
    const sample = await tx.asset.findFirst({
      where: { id: input.sampleAssetId, tenantId: actor.tenantId, generationRequestId: current.id, isFinal: false },
    });
    if (!sample) throw new NotFoundError(`Asset ${input.sampleAssetId} is not a sample of generation ${current.id}.`);
    const balance = await creditBalance(tx, actor.tenantId);
    if (balance < current.creditsCostFinal) throw new InsufficientCreditsError(current.creditsCostFinal, balance);
    await debitPhase(tx, {
      tenantId: actor.tenantId,
      generationRequestId: current.id,
      phase: "FINAL",
      amount: current.creditsCostFinal,
      actorId: actor.id,
    });
    const updated = await tx.generationRequest.update({
      where: { id: current.id },
      data: { selectedSampleId: sample.id, status: "PROCESSING_FINAL" },
    });
    notices.push(await appendGenerationEvent(tx, updated, "PROCESSING_FINAL", { selectedSampleId: sample.id }));
    await logUsage(tx, {
      tenantId: actor.tenantId,
      actorId: actor.id,
      generationRequestId: current.id,
      action: "generation.final_started",
      creditsCost: current.creditsCostFinal,
    });
    await enqueueInTransaction(ctx.services, tx, FINAL_QUEUE, {
      generationRequestId: current.id,
      tenantId: actor.tenantId,
    });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "generation_request.select_sample",
      resourceType: "GenerationRequest",
      resourceId: current.id,
      changes: { sampleAssetId: sample.id },
    });
    return updated;
  });
  await publishNotices(ctx.services, notices);
  return request;
}
