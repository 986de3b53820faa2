import type { CreativeServices } from "../context";
import { FINAL_QUEUE, type GenerationJobData, SAMPLES_QUEUE } from "../domain/enqueue-in-transaction";
import { runFinalPhase } from "./run-final-phase";
import { runSamplesPhase } from "./run-samples-phase";

/** Subscribes the generation phases to the durable queue (at-least-once; the phases are idempotent). */
export async function startGenerationWorker(
  services: CreativeServices,
  opts: { pollingIntervalSeconds?: number; concurrency?: number } = {},
) {
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 0.5;
  const concurrency = opts.concurrency ?? services.config.workerConcurrency;
  await services.queue.work<GenerationJobData>(SAMPLES_QUEUE, { concurrency, pollingIntervalSeconds }, (job) =>
    runSamplesPhase(services, job.data.tenantId, job.data.generationRequestId),
  );
  await services.queue.work<GenerationJobData>(FINAL_QUEUE, { concurrency, pollingIntervalSeconds }, (job) =>
    runFinalPhase(services, job.data.tenantId, job.data.generationRequestId),
  );
}
