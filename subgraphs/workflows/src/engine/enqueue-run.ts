import type { JobQueue } from "@atelier/job-queue";
import type { WorkflowsConfig } from "../config";
import type { RawDb } from "../data/db";

/** The job queue's Postgres schema. */
export const JOB_SCHEMA = "jobs_workflows";
export const RUN_QUEUE = "workflow-run";
/** Where pg-boss moves a run job whose retries are exhausted (failures or expiries): see fail-dead-run.ts. */
export const RUN_DEAD_QUEUE = "workflow-run-dead";

export interface RunJob {
  runId: string;
  tenantId: string;
}

/**
 * Enqueues the next advance of a run in the caller's transaction, so the job exists if and
 * only if the change commits (the tenant role may insert jobs: see services.ts). A job that
 * keeps failing (a bug, a poison payload, a worker lost each time) ends in RUN_DEAD_QUEUE,
 * whose handler fails the run, instead of leaving it in its last status.
 */
export async function enqueueRunAdvance(
  services: { queue: JobQueue; config: Pick<WorkflowsConfig, "worker"> },
  tx: RawDb,
  job: RunJob,
  startAfter?: Date,
): Promise<void> {
  await services.queue.send(RUN_QUEUE, job, {
    tx,
    retryLimit: services.config.worker.jobRetryLimit,
    deadLetter: RUN_DEAD_QUEUE,
    ...(startAfter ? { startAfter } : {}),
  });
}
