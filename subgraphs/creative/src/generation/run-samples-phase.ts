import { createGenerationEventStore } from "../data/generation-event-store";
import { createGenerationRequestStore } from "../data/generation-request-store";
import { createUsageStore } from "../data/usage-store";
import type { CreativeScope } from "../scope/creative-scope";
import { failPhase } from "./fail-phase";
import { loadGenerationContext, SAMPLE_SIZE } from "./generation-context";
import { saveGeneratedAsset } from "./save-generated-asset";

/**
 * Makes the samples of a PROCESSING_SAMPLES request and moves it to AWAITING_SELECTION.
 * Idempotent: a request in any other state is left alone, and blob keys are fixed per
 * request and sample, so a re-delivered job overwrites rather than duplicates.
 */
export async function runSamplesPhase(scope: CreativeScope, requestId: string): Promise<void> {
  const { services, tenantId } = scope;
  const loaded = await scope
    .read(async ({ db: tx }) => {
      const request = await tx.generationRequest.findFirst({ where: { id: requestId, tenantId } });
      if (request?.status !== "PROCESSING_SAMPLES") return null;
      return { request, context: await loadGenerationContext(services, tx, request) };
    })
    .catch(async (error: Error) => {
      await failPhase(scope, requestId, "SAMPLES", error.message);
      return null;
    });
  if (!loaded) return;
  const { request, context } = loaded;
  const started = Date.now();
  const samples: { key: string; seed: number; image: Awaited<ReturnType<typeof context.provider.generate>> }[] = [];
  try {
    for (let i = 0; i < request.sampleCount; i++) {
      const seed = (request.seed + i) % 2_147_483_647;
      const image = await context.provider.generate({
        prompt: request.prompt,
        styleGuidance: request.styleGuidance,
        seed,
        palette: context.palette,
        width: SAMPLE_SIZE,
        height: SAMPLE_SIZE,
        phase: "SAMPLES",
        model: context.model,
      });
      const key = `${tenantId}/generations/${requestId}/sample-${i}`;
      await services.blobs.put(key, image.bytes, image.mimeType);
      samples.push({ key, seed, image });
    }
  } catch (error) {
    await failPhase(scope, requestId, "SAMPLES", (error as Error).message);
    return;
  }
  const elapsed = Date.now() - started;
  await scope.write(async (scoped) => {
    const tx = scoped.db;
    const current = await createGenerationRequestStore(scoped).lock(requestId);
    if (current.status !== "PROCESSING_SAMPLES") return;
    for (const [index, sample] of samples.entries()) {
      await saveGeneratedAsset(tx, current, sample.image, {
        name: `Sample ${index + 1}`,
        storageKey: sample.key,
        isFinal: false,
        metadata: { sampleIndex: index, seed: sample.seed, model: `${context.model.name}@${context.model.version}` },
      });
    }
    const updated = await tx.generationRequest.update({
      where: { id: requestId },
      data: { status: "AWAITING_SELECTION", processingTimeMs: elapsed },
    });
    await createUsageStore(scoped).log({
      actorId: current.requestedById,
      generationRequestId: requestId,
      action: "generation.samples_completed",
      details: { samples: samples.length, processingTimeMs: elapsed },
    });
    scoped.publish(await createGenerationEventStore(scoped).append(updated, "AWAITING_SELECTION"));
  });
}
