import type { WorkflowScope } from "../scope";
import { STEP_TYPES } from "../steps/registry";
import type { StepContext } from "../steps/step-type";
import type { RunJob } from "./enqueue-run";
import { type LogLine, recordProgress } from "./record-progress";
import type { PendingRunEvent } from "./run-events";
import { loadStepsWithRuns, lockRunRow, type RunProgress, type StepRunWrite, type StepWithRun } from "./run-sql";
import { stepExecution } from "./step-execution";

/** A step with an outside effect, claimed for execution outside the transaction. */
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

type Logs = LogLine[];

/**
 * In one transaction holding the run's lock: starts a QUEUED run, executes every pure step
 * ahead, and either finishes the run or claims the next step with an outside effect (attempt
 * counted, so a lost worker's attempt shows). Everything it records is written in a few
 * batched statements at the end. Returns null when nothing is left for this job to execute.
 */
export function claimNextStep(scope: WorkflowScope, job: RunJob): Promise<StepClaim | null> {
  const { services } = scope;
  return scope.sql.write(async (tx) => {
    const run = await lockRunRow(tx.db, tx.tenantId, job.runId);
    if (!run || (run.status !== "QUEUED" && run.status !== "RUNNING")) return null;
    const steps = await loadStepsWithRuns(tx.db, run.workflowId, run.id);
    const startedAt = run.startedAt ?? new Date();
    const events: PendingRunEvent[] = [];
    const logs: Logs = [];
    const stepRuns: StepRunWrite[] = [];
    const progress: RunProgress = { status: "RUNNING", currentStep: run.currentStep, startedAt };
    if (run.status === "QUEUED") {
      events.push({ type: "STARTED", status: "RUNNING" });
      logs.push({ level: "info", message: "run started" });
    }
    const context: StepContext = {
      input: run.input,
      steps: Object.fromEntries(steps.filter((s) => s.runStatus === "SUCCEEDED").map((s) => [s.key, s.runOutput])),
      run: { id: run.id, workspaceId: run.workspaceId, startedById: run.startedById },
    };
    const fail = (step: StepWithRun, error: string) => {
      Object.assign(progress, { status: "FAILED", error: `step ${step.key} failed: ${error}`, finishedAt: new Date() });
      events.push({ type: "FAILED", status: "FAILED" });
      logs.push({ level: "error", message: progress.error ?? error });
    };
    let claim: StepClaim | null = null;
    for (;;) {
      const step = steps.find((s) => s.position === progress.currentStep);
      if (!step) {
        const last = steps.at(-1);
        Object.assign(progress, {
          status: "SUCCEEDED",
          output: (last ? context.steps[last.key] : null) ?? null,
          finishedAt: new Date(),
        });
        events.push({ type: "SUCCEEDED", status: "SUCCEEDED" });
        logs.push({ level: "info", message: "run succeeded" });
        break;
      }
      const definition = STEP_TYPES[step.type];
      const parsed = definition.config.safeParse(step.config);
      const waiting = step.runStatus === "WAITING";
      const attempts = waiting ? (step.runAttempts ?? 1) : (step.runAttempts ?? 0) + 1;
      const firstStartedAt = waiting && step.runStartedAt ? step.runStartedAt : new Date();
      const base = {
        stepId: step.id,
        position: step.position,
        stepKey: step.key,
        type: step.type,
        attempts,
        startedAt: firstStartedAt,
      };
      if (!parsed.success) {
        fail(step, "invalid config");
        break;
      }
      const input = definition.describeInput(parsed.data, context);
      if (!definition.pure) {
        // A step that waited, or whose worker was lost, keeps the state it recorded.
        const state = waiting || step.runStatus === "RUNNING" ? (step.runOutput ?? null) : null;
        stepRuns.push({ ...base, status: "RUNNING", input, output: state, error: null, finishedAt: null });
        claim = {
          step,
          config: parsed.data,
          attempts,
          firstStartedAt,
          context,
          retryCount: run.retryCount,
          state,
          wasWaiting: waiting,
        };
        break;
      }
      const outcome = await definition.execute(
        stepExecution(services, run, {
          step,
          config: parsed.data,
          attempts,
          firstStartedAt,
          context,
          retryCount: run.retryCount,
          state: null,
          wasWaiting: false,
        }),
      );
      if (outcome.kind !== "done") {
        const error = outcome.kind === "failed" ? outcome.error : "a pure step cannot wait";
        stepRuns.push({ ...base, status: "FAILED", input, output: null, error, finishedAt: new Date() });
        fail(step, error);
        break;
      }
      stepRuns.push({
        ...base,
        status: "SUCCEEDED",
        input,
        output: outcome.output,
        error: null,
        finishedAt: new Date(),
      });
      context.steps[step.key] = outcome.output;
      events.push({ type: "STEP_SUCCEEDED", status: "RUNNING", stepKey: step.key });
      progress.currentStep += 1;
    }
    await recordProgress(tx, { run, progress, stepRuns, events, logs });
    return claim;
  });
}
