import type { WorkflowServices } from "../services";
import { claimNextStep } from "./claim-next-step";
import { completeStep } from "./complete-step";
import type { RunJob } from "./enqueue-run";
import { executeClaimedStep } from "./execute-claimed-step";
import { runScope } from "./run-scope";

/** How long one job keeps advancing a run before it hands the rest to a new job (fairness, time limit). */
const STEPS_IN_ONE_JOB_MS = 30_000;

/**
 * The job handler: advances a run as far as it can. Pure steps run inside the claiming
 * transaction; a step with an outside effect runs between its claim and its completion. A step
 * that is done lets the same job claim the next one (the job stays leased, so a crash hands it
 * out again); waiting, pausing, failing or a long-running job enqueue the next job with the
 * completion. Safe to deliver twice.
 */
export async function advanceRun(services: WorkflowServices, job: RunJob): Promise<void> {
  const started = Date.now();
  const scope = runScope(services, job);
  for (;;) {
    const claim = await claimNextStep(scope, job);
    if (!claim) return;
    const outcome = await executeClaimedStep(services.stepEnv, services.log, job, claim);
    const keepGoing = Date.now() - started < STEPS_IN_ONE_JOB_MS;
    if (!(await completeStep(scope, job, claim, outcome, keepGoing))) return;
  }
}
