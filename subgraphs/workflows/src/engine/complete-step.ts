import { createRunEventStore } from "../data/run-event-store";
import { createRunStore } from "../data/run-store";
import type { WorkflowScope } from "../scope";
import type { StepOutcome } from "../steps/step-type";
import { enqueueRunAdvance, type RunJob } from "./enqueue-run";
import { failRun } from "./fail-run";
import { acceptsOutcomes, outcomeTransition } from "./run-state-machine";
import type { StepClaim } from "./step-claim";

/**
 * Records a claimed step's outcome and enqueues what follows, in one transaction. A claim
 * that is no longer current (the run moved on, was cancelled, or another worker re-claimed
 * the step after this one was presumed lost) records nothing: no step is applied twice.
 * With `continueInJob`, a step that is done enqueues nothing and answers true: the caller's
 * job, still leased, claims the next step itself (a crash before that hands the job out again).
 */
export function completeStep(
  scope: WorkflowScope,
  job: RunJob,
  claim: StepClaim,
  outcome: StepOutcome,
  continueInJob = false,
): Promise<boolean> {
  const { services } = scope;
  return scope.write(async (tx) => {
    const runs = createRunStore(tx);
    const run = await runs.lock(job.runId);
    if (!run) return false;
    const { step } = claim;
    const current = await runs.stepRun(run.id, step.position);
    if (
      !acceptsOutcomes(run.status) ||
      run.currentStep !== step.position ||
      current?.status !== "RUNNING" ||
      current.attempts !== claim.attempts
    ) {
      services.log.info({ runId: run.id, step: step.key }, "dropping the outcome of a superseded step attempt");
      return false;
    }
    const next = outcomeTransition(run.status, outcome, claim.wasWaiting);
    const base = { status: next.step, attempts: claim.attempts, startedAt: current.startedAt, input: current.input };
    const stepRef = { id: step.id, position: step.position, key: step.key, type: step.type };
    switch (outcome.kind) {
      case "done":
        await runs.saveStepRun(run.id, stepRef, { ...base, output: outcome.output, finishedAt: new Date() });
        await runs.update(run.id, { currentStep: step.position + 1 });
        if (outcome.attempts && outcome.attempts > 1) {
          await runs.log(run.id, "warn", `step ${step.key} succeeded after ${outcome.attempts} tries`);
        }
        break;
      case "failed":
        await runs.saveStepRun(run.id, stepRef, { ...base, error: outcome.error, finishedAt: new Date() });
        await failRun(tx, run, `step ${step.key} failed: ${outcome.error}`, step.position);
        return false;
      case "wait":
        await runs.saveStepRun(run.id, stepRef, { ...base, output: outcome.state });
        break;
      case "pause":
        await runs.saveStepRun(run.id, stepRef, base);
        if (next.run !== run.status) await runs.update(run.id, { status: next.run });
        break;
    }
    if (next.event)
      await createRunEventStore(tx).append(run, { type: next.event, status: next.run, stepKey: step.key });
    if (next.next === "next-step") {
      if (continueInJob) return true;
      await enqueueRunAdvance(services, tx.db, job);
    }
    if (next.next === "later" && outcome.kind === "wait") await enqueueRunAdvance(services, tx.db, job, outcome.until);
    return false;
  });
}
