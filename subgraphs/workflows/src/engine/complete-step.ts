import type { WorkflowScope } from "../scope";
import type { StepOutcome } from "../steps/step-type";
import type { StepClaim } from "./claim-next-step";
import { enqueueRunAdvance, type RunJob } from "./enqueue-run";
import { failRun } from "./fail-run";
import { lockRun } from "./lock-run";
import { saveStepRun } from "./record-step";
import { appendRunEvent } from "./run-events";

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
    const run = await lockRun(tx, job.runId);
    if (!run) return false;
    const { step } = claim;
    const current = await tx.db.stepRun.findUnique({
      where: { runId_position: { runId: run.id, position: step.position } },
    });
    const live = run.status === "RUNNING" || run.status === "PAUSED";
    if (
      !live ||
      run.currentStep !== step.position ||
      current?.status !== "RUNNING" ||
      current.attempts !== claim.attempts
    ) {
      services.log.info({ runId: run.id, step: step.key }, "dropping the outcome of a superseded step attempt");
      return false;
    }
    const ref = { id: run.id, tenantId: run.tenantId, workspaceId: run.workspaceId, startedAt: run.startedAt };
    const stepRef = { tenantId: run.tenantId, runId: run.id, step };
    const base = { attempts: claim.attempts, startedAt: current.startedAt, input: current.input };
    const continueRun = run.status === "RUNNING";
    switch (outcome.kind) {
      case "done":
        await saveStepRun(tx.db, stepRef, {
          ...base,
          status: "SUCCEEDED",
          output: outcome.output,
          finishedAt: new Date(),
        });
        await tx.db.workflowRun.update({ where: { id: run.id }, data: { currentStep: step.position + 1 } });
        await appendRunEvent(tx, ref, "STEP_SUCCEEDED", run.status, step.key);
        if (outcome.attempts && outcome.attempts > 1) {
          await tx.db.runLog.create({
            data: {
              tenantId: run.tenantId,
              runId: run.id,
              level: "warn",
              message: `step ${step.key} succeeded after ${outcome.attempts} tries`,
            },
          });
        }
        if (continueRun && continueInJob) return true;
        if (continueRun) await enqueueRunAdvance(services, tx.db, job);
        return false;
      case "failed":
        await saveStepRun(tx.db, stepRef, { ...base, status: "FAILED", error: outcome.error, finishedAt: new Date() });
        await failRun(tx, ref, `step ${step.key} failed: ${outcome.error}`, step.position);
        return false;
      case "wait":
        await saveStepRun(tx.db, stepRef, { ...base, status: "WAITING", output: outcome.state });
        if (!claim.wasWaiting) await appendRunEvent(tx, ref, "STEP_WAITING", run.status, step.key);
        if (continueRun) await enqueueRunAdvance(services, tx.db, job, outcome.until);
        return false;
      case "pause":
        await saveStepRun(tx.db, stepRef, { ...base, status: "WAITING" });
        if (continueRun) {
          await tx.db.workflowRun.update({ where: { id: run.id }, data: { status: "PAUSED" } });
          await appendRunEvent(tx, ref, "PAUSED", "PAUSED", step.key);
        }
        return false;
    }
  });
}
