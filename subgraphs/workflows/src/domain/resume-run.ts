import { requireRole } from "@atelier/subgraph-kit";
import { createRunEventStore } from "../data/run-event-store";
import { createRunStore } from "../data/run-store";
import { enqueueRunAdvance } from "../engine/enqueue-run";
import { failRun } from "../engine/fail-run";
import { assertCanMove } from "../engine/run-state-machine";
import type { WorkflowScope } from "../scope";
import { changeRunStatus } from "./change-run-status";

export interface ResumeRunInput {
  runId: string;
  approved: boolean;
  comment?: string | null;
}

/**
 * PAUSED → RUNNING. A run waiting on an approval step has it decided here: approved, the step
 * succeeds with the decision as output; rejected, the step and the run fail.
 */
export function resumeRun(scope: WorkflowScope, input: ResumeRunInput) {
  requireRole(scope.actor, "EDITOR");
  return changeRunStatus(scope, input.runId, "resume", async (tx, run) => {
    assertCanMove(run.status, "RUNNING", "resume");
    const runs = createRunStore(tx);
    const step = run.workflow.steps.find((s) => s.position === run.currentStep);
    const stepRun = step ? await runs.stepRun(run.id, step.position) : null;
    let currentStep = run.currentStep;
    if (step?.type === "APPROVAL" && stepRun?.status === "WAITING") {
      const decision = { approved: input.approved, comment: input.comment ?? null, decidedBy: scope.actor.userId };
      const fields = {
        attempts: stepRun.attempts,
        startedAt: stepRun.startedAt,
        input: stepRun.input,
        finishedAt: new Date(),
      };
      if (!input.approved) {
        await runs.saveStepRun(run.id, step, { ...fields, status: "FAILED", output: decision, error: "rejected" });
        await failRun(tx, run, `step ${step.key} was rejected`, step.position);
        return { to: "FAILED", approved: false };
      }
      await runs.saveStepRun(run.id, step, { ...fields, status: "SUCCEEDED", output: decision });
      currentStep += 1;
    }
    await runs.update(run.id, { status: "RUNNING", currentStep });
    await createRunEventStore(tx).append(run, { type: "RESUMED", status: "RUNNING", stepKey: step?.key ?? null });
    await enqueueRunAdvance(scope.services, tx.db, { runId: run.id, tenantId: run.tenantId });
    return { to: "RUNNING", approved: input.approved };
  });
}
