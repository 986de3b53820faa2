import { crossTenant } from "@atelier/db";
import type { WorkflowServices } from "../services";
import { advanceRun } from "./advance-run";
import { RUN_DEAD_QUEUE, RUN_QUEUE, type RunJob } from "./enqueue-run";
import { failDeadRun } from "./fail-dead-run";

/** Executes runs in this process, up to `concurrency` run jobs at once. */
export async function startRunWorker(services: WorkflowServices): Promise<void> {
  const { concurrency, pollingIntervalSeconds } = services.config.worker;
  // The queue hands out the jobs of every tenant; each handler then acts in its job's tenant scope.
  await crossTenant("job-claim", () =>
    services.queue.work<RunJob>(RUN_QUEUE, { concurrency, pollingIntervalSeconds }, async (job) => {
      try {
        await advanceRun(services, job.data);
      } catch (err) {
        // The queue retries the job; say why it failed.
        services.log.error({ err, runId: job.data.runId }, "advancing a run failed");
        throw err;
      }
    }),
  );
  await crossTenant("job-claim", () =>
    services.queue.work<RunJob>(RUN_DEAD_QUEUE, { concurrency: 1, pollingIntervalSeconds }, async (job) => {
      await failDeadRun(services, job);
    }),
  );
  services.log.info({ concurrency, pollingIntervalSeconds }, "workflow run worker started");
}
