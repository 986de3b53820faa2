import { crossTenant } from "@atelier/db";
import { systemActor } from "@atelier/subgraph-kit";
import { FINAL_QUEUE, type GenerationJobData, SAMPLES_QUEUE } from "../domain/enqueue-in-transaction";
import { createCreativeScope } from "../scope/creative-scope";
import type { CreativeServices } from "../services";
import { runFinalPhase } from "./run-final-phase";
import { runSamplesPhase } from "./run-samples-phase";

/** The worker acts in the job's tenant as the system (the request's user is recorded on its rows). */
const jobScope = (services: CreativeServices, job: { data: GenerationJobData }) =>
  createCreativeScope(services, () => systemActor(job.data.tenantId, "creative-worker"));

/**
 * Subscribes the generation phases to the durable queue (at-least-once; the phases are idempotent).
 * Claiming a job looks across tenants; each phase then runs in its job's tenant scope.
 */
export async function startGenerationWorker(
  services: CreativeServices,
  opts: { pollingIntervalSeconds?: number; concurrency?: number } = {},
) {
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 0.5;
  const concurrency = opts.concurrency ?? services.config.workerConcurrency;
  await crossTenant("job-claim", async () => {
    await services.queue.work<GenerationJobData>(SAMPLES_QUEUE, { concurrency, pollingIntervalSeconds }, (job) =>
      runSamplesPhase(jobScope(services, job), job.data.generationRequestId),
    );
    await services.queue.work<GenerationJobData>(FINAL_QUEUE, { concurrency, pollingIntervalSeconds }, (job) =>
      runFinalPhase(jobScope(services, job), job.data.generationRequestId),
    );
  });
}
