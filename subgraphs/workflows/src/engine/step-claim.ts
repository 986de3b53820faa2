import type { StepContext } from "../steps/step-type";
import type { StepWithRun } from "./run-progress";

/** A step with an outside effect, claimed for execution outside the run's transaction. */
export interface StepClaim {
  step: StepWithRun;
  config: unknown;
  attempts: number;
  firstStartedAt: Date;
  context: StepContext;
  /** The run's retry count: with the step's key, names the step's one try (operationKey). */
  retryCount: number;
  /** What the step's earlier execution kept when it waited (see StepOutcome). */
  state: unknown;
  /** The step was WAITING: waiting again is no status change, so no new event. */
  wasWaiting: boolean;
}
