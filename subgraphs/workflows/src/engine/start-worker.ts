import type { WorkflowServices } from "../services";
import { advanceRun } from "./advance-run";
import { RUN_DEAD_QUEUE, RUN_QUEUE, type RunJob } from "./enqueue-run";
import { failDeadRun } from "./fail-dead-run";

/** Starts `concurrency` job loops executing runs in this process. */
export async function startRunWorker(services: WorkflowServices): Promise<void> {
  const { concurrency, batchSize, pollingIntervalSeconds } = services.config.worker;
  for (let i = 0; i < concurrency; i++) {
    await services.queue.work<RunJob>(RUN_QUEUE, { batchSize, pollingIntervalSeconds }, async (job) => {
      try {
        await advanceRun(services, job.data);
      } catch (err) {
        // The queue retries the job; say why it failed.
        services.log.error({ err, runId: job.data.runId }, "advancing a run failed");
        throw err;
      }
    });
  }
  await services.queue.work<RunJob>(RUN_DEAD_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async (job) => {
    await failDeadRun(services, job);
  });
  services.log.info({ concurrency, batchSize, pollingIntervalSeconds }, "workflow run worker started");
}
