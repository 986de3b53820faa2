import { crossTenant } from "@atelier/db";
import { createRunStore } from "../data/run-store";
import type { WorkflowServices } from "../services";
import { JOB_SCHEMA, type RunJob } from "./enqueue-run";
import { failRun } from "./fail-run";
import { runScope } from "./run-scope";
import { isAdvanceable } from "./run-state-machine";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The error pg-boss kept for the job's last failed attempt, if it is still there. */
async function lastJobError(services: WorkflowServices, jobId: string): Promise<string | null> {
  try {
    const { rows } = await crossTenant("job-claim", () =>
      services.sql.query<{ message: string | null }>(
        `SELECT output->>'message' AS message FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`,
        [jobId],
      ),
    );
    return rows[0]?.message ?? null;
  } catch {
    return null;
  }
}

/**
 * Handles a dead-lettered run job: the run ends FAILED with the reason, its running step run
 * too, and a FAILED event goes to subscribers. Only a QUEUED or RUNNING run is failed, under
 * its row lock, so a redelivered dead letter (or a run that finished meanwhile) changes nothing:
 * the run fails exactly once. Returns whether it failed the run.
 */
export async function failDeadRun(services: WorkflowServices, job: { id: string; data: RunJob }): Promise<boolean> {
  const { runId, tenantId } = (job.data ?? {}) as Partial<RunJob>;
  if (!runId || !tenantId || !UUID.test(runId) || !UUID.test(tenantId)) {
    services.log.error({ jobId: job.id, data: job.data }, "a dead-lettered run job names no run; dropped");
    return false;
  }
  const lastError = await lastJobError(services, job.id);
  const reason = `the run's job kept failing and was given up after its retries${lastError ? `: ${lastError}` : ""}`;
  return runScope(services, { runId, tenantId }).write(async (tx) => {
    const runs = createRunStore(tx);
    const run = await runs.lock(runId);
    if (!run || !isAdvanceable(run.status)) return false;
    await runs.failOpenStepRun(runId, run.currentStep, reason);
    await failRun(tx, run, reason, run.currentStep);
    services.log.error({ runId, jobId: job.id, lastError }, "run failed: its job was dead-lettered");
    return true;
  });
}
