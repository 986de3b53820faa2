import { createRunProgressStore } from "../data/run-progress-store";
import type { WorkflowScope } from "../scope";
import type { RunJob } from "./enqueue-run";
import { executePureSteps } from "./execute-pure-steps";
import { isAdvanceable } from "./run-state-machine";
import type { StepClaim } from "./step-claim";

/**
 * In one transaction holding the run's lock: executes the pure stretch ahead of the run
 * (executePureSteps) and records it in one statement, claiming the next step with an outside
 * effect if there is one (attempt counted, so a lost worker's attempt shows). Returns that claim,
 * or null when nothing is left for this job to execute.
 */
export function claimNextStep(scope: WorkflowScope, job: RunJob): Promise<StepClaim | null> {
  return scope.sql.write(async (tx) => {
    const runs = createRunProgressStore(tx);
    const run = await runs.lock(job.runId);
    if (!run || !isAdvanceable(run.status)) return null;
    const steps = await runs.stepsWithRuns(run.workflowId, run.id);
    const { claim, ...stretch } = await executePureSteps(run, steps, scope.services.stepEnv);
    await runs.record({ run, ...stretch });
    return claim;
  });
}
