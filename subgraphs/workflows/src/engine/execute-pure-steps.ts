import { STEP_TYPES } from "../steps/registry";
import type { StepContext, StepEnvironment } from "../steps/step-type";
import type { LogLine, ProgressWrite, RunRow, StepWithRun } from "./run-progress";
import type { StepClaim } from "./step-claim";
import { stepExecution } from "./step-execution";

/** A stretch of the run executed in memory: what to record, and the step to claim next, if any. */
export interface PureStretch extends Omit<ProgressWrite, "run"> {
  claim: StepClaim | null;
}

/**
 * Executes every pure step ahead of the run (no I/O: pure steps only compute) and stops at the
 * first step with an outside effect (claimed: attempt counted, state kept), at a failure, or at
 * the end (the run SUCCEEDED with the last step's output). Starts a QUEUED run. Nothing is
 * written: the caller records the stretch in the run's transaction.
 */
export async function executePureSteps(run: RunRow, steps: StepWithRun[], env: StepEnvironment): Promise<PureStretch> {
  const stretch: PureStretch = {
    progress: { status: "RUNNING", currentStep: run.currentStep, startedAt: run.startedAt ?? new Date() },
    stepRuns: [],
    events: [],
    logs: [],
    claim: null,
  };
  const { progress, stepRuns, events, logs } = stretch;
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
    logs.push({ level: "error", message: progress.error ?? error } satisfies LogLine);
  };
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
      return stretch;
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
      return stretch;
    }
    const input = definition.describeInput(parsed.data, context);
    const claim: StepClaim = {
      step,
      config: parsed.data,
      attempts,
      firstStartedAt,
      context,
      retryCount: run.retryCount,
      state: null,
      wasWaiting: false,
    };
    if (!definition.pure) {
      // A step that waited, or whose worker was lost, keeps the state it recorded.
      const state = waiting || step.runStatus === "RUNNING" ? (step.runOutput ?? null) : null;
      stepRuns.push({ ...base, status: "RUNNING", input, output: state, error: null, finishedAt: null });
      stretch.claim = { ...claim, state, wasWaiting: waiting };
      return stretch;
    }
    const outcome = await definition.execute(stepExecution(env, run, claim));
    if (outcome.kind !== "done") {
      const error = outcome.kind === "failed" ? outcome.error : "a pure step cannot wait";
      stepRuns.push({ ...base, status: "FAILED", input, output: null, error, finishedAt: new Date() });
      fail(step, error);
      return stretch;
    }
    stepRuns.push({ ...base, status: "SUCCEEDED", input, output: outcome.output, error: null, finishedAt: new Date() });
    context.steps[step.key] = outcome.output;
    events.push({ type: "STEP_SUCCEEDED", status: "RUNNING", stepKey: step.key });
    progress.currentStep += 1;
  }
}
