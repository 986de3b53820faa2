import { requireRole } from "@atelier/subgraph-kit";
import { enqueueRunAdvance } from "../engine/enqueue-run";
import { failRun } from "../engine/fail-run";
import { saveStepRun } from "../engine/record-step";
import { appendRunEvent } from "../engine/run-events";
import { assertCanMove } from "../engine/run-transitions";
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
    const step = run.workflow.steps.find((s) => s.position === run.currentStep);
    const stepRun = step
      ? await tx.db.stepRun.findUnique({ where: { runId_position: { runId: run.id, position: step.position } } })
      : null;
    let currentStep = run.currentStep;
    if (step?.type === "APPROVAL" && stepRun?.status === "WAITING") {
      const decision = { approved: input.approved, comment: input.comment ?? null, decidedBy: scope.actor.userId };
      const ref = { tenantId: run.tenantId, runId: run.id, step };
      const fields = {
        attempts: stepRun.attempts,
        startedAt: stepRun.startedAt,
        input: stepRun.input,
        finishedAt: new Date(),
      };
      if (!input.approved) {
        await saveStepRun(tx.db, ref, { ...fields, status: "FAILED", output: decision, error: "rejected" });
        await failRun(tx, run, `step ${step.key} was rejected`, step.position);
        return { to: "FAILED", approved: false };
      }
      await saveStepRun(tx.db, ref, { ...fields, status: "SUCCEEDED", output: decision });
      currentStep += 1;
    }
    await tx.db.workflowRun.update({ where: { id: run.id }, data: { status: "RUNNING", currentStep } });
    await appendRunEvent(tx, run, "RESUMED", "RUNNING", step?.key ?? null);
    await enqueueRunAdvance(scope.services, tx.db, { runId: run.id, tenantId: run.tenantId });
    return { to: "RUNNING", approved: input.approved };
  });
}
