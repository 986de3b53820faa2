import { createGenerationEventStore } from "../data/generation-event-store";
import { createGenerationRequestStore } from "../data/generation-request-store";
import { createUsageStore } from "../data/usage-store";
import type { CreativeScope } from "../scope/creative-scope";
import { failPhase } from "./fail-phase";
import { loadGenerationContext } from "./generation-context";
import { saveGeneratedAsset } from "./save-generated-asset";

/** Makes the final image from the selected sample and completes the request. Idempotent like the samples phase. */
export async function runFinalPhase(scope: CreativeScope, requestId: string): Promise<void> {
  const { services, tenantId } = scope;
  const loaded = await scope
    .read(async ({ db: tx }) => {
      const request = await tx.generationRequest.findFirst({ where: { id: requestId, tenantId } });
      if (request?.status !== "PROCESSING_FINAL" || !request.selectedSampleId) return null;
      const sample = await tx.asset.findFirst({
        where: { id: request.selectedSampleId, tenantId },
        include: { versions: { orderBy: { versionNumber: "desc" }, take: 1 } },
      });
      return { request, sample, context: await loadGenerationContext(services, tx, request) };
    })
    .catch(async (error: Error) => {
      await failPhase(scope, requestId, "FINAL", error.message);
      return null;
    });
  if (!loaded) return;
  const { request, sample, context } = loaded;
  const started = Date.now();
  const key = `${tenantId}/generations/${requestId}/final`;
  let image: Awaited<ReturnType<typeof context.provider.generate>>;
  try {
    const sampleKey = sample?.versions[0]?.storageKey;
    const sourceImage = sampleKey ? ((await services.blobs.get(sampleKey)) ?? undefined) : undefined;
    const seed = Number((sample?.metadata as { seed?: number } | undefined)?.seed ?? request.seed);
    image = await context.provider.generate({
      prompt: request.prompt,
      styleGuidance: request.styleGuidance,
      seed,
      palette: context.palette,
      ...context.size,
      phase: "FINAL",
      model: context.model,
      sourceImage,
    });
    await services.blobs.put(key, image.bytes, image.mimeType);
  } catch (error) {
    await failPhase(scope, requestId, "FINAL", (error as Error).message);
    return;
  }
  const elapsed = Date.now() - started;
  await scope.write(async (scoped) => {
    const tx = scoped.db;
    const current = await createGenerationRequestStore(scoped).lock(requestId);
    if (current.status !== "PROCESSING_FINAL") return;
    const asset = await saveGeneratedAsset(tx, current, image, {
      name: `Final: ${current.prompt.slice(0, 200)}`,
      storageKey: key,
      isFinal: true,
      metadata: { selectedSampleId: current.selectedSampleId, model: `${context.model.name}@${context.model.version}` },
    });
    const updated = await tx.generationRequest.update({
      where: { id: requestId },
      data: {
        status: "COMPLETED",
        finalAssetId: asset.id,
        processingTimeMs: (current.processingTimeMs ?? 0) + elapsed,
      },
    });
    await createUsageStore(scoped).log({
      actorId: current.requestedById,
      generationRequestId: requestId,
      action: "generation.final_completed",
      details: { finalAssetId: asset.id, processingTimeMs: elapsed },
    });
    scoped.publish(await createGenerationEventStore(scoped).append(updated, "COMPLETED", { finalAssetId: asset.id }));
  });
}
