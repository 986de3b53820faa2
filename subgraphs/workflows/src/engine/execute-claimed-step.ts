import type { Logger } from "@atelier/logging";
import { STEP_TYPES } from "../steps/registry";
import type { StepEnvironment, StepOutcome } from "../steps/step-type";
import type { RunJob } from "./enqueue-run";
import type { StepClaim } from "./step-claim";
import { stepExecution } from "./step-execution";

/**
 * Executes a claimed step with an outside effect, outside any transaction. A step that throws
 * (a bug) fails with the error rather than the job: its outcome is recorded like any other.
 */
export async function executeClaimedStep(
  env: StepEnvironment,
  log: Logger,
  job: RunJob,
  claim: StepClaim,
): Promise<StepOutcome> {
  try {
    return await STEP_TYPES[claim.step.type].execute(
      stepExecution(env, { id: job.runId, tenantId: job.tenantId }, claim),
    );
  } catch (error) {
    log.error({ err: error, runId: job.runId, step: claim.step.key }, "step threw");
    return { kind: "failed", error: `step error: ${(error as Error).message}` };
  }
}
