import { NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createCreditStore } from "../data/credit-store";
import { createGenerationEventStore } from "../data/generation-event-store";
import { createGenerationRequestStore } from "../data/generation-request-store";
import { createTenantLockStore } from "../data/tenant-lock-store";
import { createUsageStore } from "../data/usage-store";
import { InsufficientCreditsError } from "../errors/insufficient-credits-error";
import type { SelectGenerationSampleInput } from "../inputs/generation-input";
import type { CreativeScope } from "../scope/creative-scope";
import { assertGenerationStatus } from "./assert-generation-status";
import { enqueueInTransaction, FINAL_QUEUE } from "./enqueue-in-transaction";

/** Picks a sample; the final phase is debited and started in the same transaction. */
export async function selectGenerationSample(scope: CreativeScope, input: z.infer<typeof SelectGenerationSampleInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  const request = await scope.write(async (scoped) => {
    const tx = scoped.db;
    await createTenantLockStore(scoped).lock("credits");
    const current = await createGenerationRequestStore(scoped).lock(input.generationRequestId);
    assertGenerationStatus(current, ["AWAITING_SELECTION"], "selecting a sample");
    const sample = await tx.asset.findFirst({
      where: { id: input.sampleAssetId, tenantId: actor.tenantId, generationRequestId: current.id, isFinal: false },
    });
    if (!sample) throw new NotFoundError(`Asset ${input.sampleAssetId} is not a sample of generation ${current.id}.`);
    const balance = await createCreditStore(scoped).balance();
    if (balance < current.creditsCostFinal) throw new InsufficientCreditsError(current.creditsCostFinal, balance);
    await createCreditStore(scoped).debitPhase({
      generationRequestId: current.id,
      phase: "FINAL",
      amount: current.creditsCostFinal,
      actorId: actor.actorId,
    });
    const updated = await tx.generationRequest.update({
      where: { id: current.id },
      data: { selectedSampleId: sample.id, status: "PROCESSING_FINAL" },
    });
    scoped.publish(
      await createGenerationEventStore(scoped).append(updated, "PROCESSING_FINAL", { selectedSampleId: sample.id }),
    );
    await createUsageStore(scoped).log({
      actorId: actor.actorId,
      generationRequestId: current.id,
      action: "generation.final_started",
      creditsCost: current.creditsCostFinal,
    });
    await enqueueInTransaction(scope.services.queue, tx, FINAL_QUEUE, {
      generationRequestId: current.id,
      tenantId: scoped.tenantId,
    });
    scoped.audit({
      action: "generation_request.select_sample",
      resourceType: "GenerationRequest",
      resourceId: current.id,
      changes: { sampleAssetId: sample.id },
    });
    return updated;
  });
  return request;
}
