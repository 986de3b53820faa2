import type { WorkflowServices } from "../services";
import { STEP_TYPES } from "../steps/registry";
import type { StepOutcome } from "../steps/step-type";
import { claimNextStep } from "./claim-next-step";
import { completeStep } from "./complete-step";
import type { RunJob } from "./enqueue-run";
import { stepExecution } from "./step-execution";

/**
 * The job handler: advances a run as far as it can. Pure steps run inside the claiming
 * transaction; a step with an outside effect runs between its claim and its completion, and
 * its completion enqueues the next job. Safe to deliver twice.
 */
export async function advanceRun(services: WorkflowServices, job: RunJob): Promise<void> {
  const claim = await claimNextStep(services, job);
  if (!claim) return;
  const definition = STEP_TYPES[claim.step.type];
  let outcome: StepOutcome;
  try {
    outcome = await definition.execute(stepExecution(services, { id: job.runId, tenantId: job.tenantId }, claim));
  } catch (error) {
    services.log.error({ err: error, runId: job.runId, step: claim.step.key }, "step threw");
    outcome = { kind: "failed", error: `step error: ${(error as Error).message}` };
  }
  await completeStep(services, job, claim, outcome);
}
