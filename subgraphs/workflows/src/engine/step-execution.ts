import type { StepEnvironment, StepExecution } from "../steps/step-type";
import type { StepClaim } from "./step-claim";

/** What a step executor is handed for a claimed step of a run. */
export function stepExecution(
  env: StepEnvironment,
  run: { id: string; tenantId: string },
  claim: StepClaim,
): StepExecution<unknown> {
  return {
    config: claim.config,
    context: claim.context,
    runId: run.id,
    tenantId: run.tenantId,
    stepKey: claim.step.key,
    idempotencyKey: `${run.id}:${claim.step.key}:${claim.attempts}`,
    operationKey: `${run.id}:${claim.step.key}:${claim.retryCount}`,
    state: claim.state,
    firstStartedAt: claim.firstStartedAt,
    env,
  };
}
