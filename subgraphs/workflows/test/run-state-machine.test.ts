import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { executePureSteps } from "../src/engine/execute-pure-steps";
import type { RunRow, StepWithRun } from "../src/engine/run-progress";
import { canMove, canStepMove, outcomeTransition } from "../src/engine/run-state-machine";

const env = { httpAllowedHosts: [], gateway: null, gatewayPollSeconds: 2 };

function runRow(fields: Partial<RunRow> = {}): RunRow {
  return {
    id: randomUUID(),
    tenantId: randomUUID(),
    workspaceId: randomUUID(),
    workflowId: randomUUID(),
    status: "QUEUED",
    input: { name: "Ada" },
    currentStep: 0,
    startedAt: null,
    startedById: null,
    retryCount: 0,
    ...fields,
  };
}

function step(position: number, type: StepWithRun["type"], config: unknown): StepWithRun {
  return {
    id: randomUUID(),
    position,
    key: `s${position}`,
    type,
    config,
    runStatus: null,
    runOutput: null,
    runAttempts: null,
    runStartedAt: null,
  };
}

const greet = { output: { text: { $template: "Hello {{/input/name}}" } } };

describe("the run state machine", () => {
  it("allows only the documented run and step-run transitions", () => {
    expect(canMove("QUEUED", "RUNNING")).toBe(true);
    expect(canMove("FAILED", "QUEUED")).toBe(true);
    expect(canMove("SUCCEEDED", "QUEUED")).toBe(false);
    expect(canMove("CANCELLED", "RUNNING")).toBe(false);
    expect(canStepMove(null, "SUCCEEDED")).toBe(true);
    expect(canStepMove("WAITING", "SUCCEEDED")).toBe(true);
    expect(canStepMove("SUCCEEDED", "RUNNING")).toBe(false);
  });

  it("says what a claimed step's outcome does to the run", () => {
    expect(outcomeTransition("RUNNING", { kind: "done", output: 1 }, false)).toEqual({
      step: "SUCCEEDED",
      run: "RUNNING",
      event: "STEP_SUCCEEDED",
      next: "next-step",
    });
    expect(outcomeTransition("PAUSED", { kind: "done", output: 1 }, false).next).toBe("none");
    expect(outcomeTransition("RUNNING", { kind: "failed", error: "x" }, false)).toMatchObject({
      run: "FAILED",
      event: "FAILED",
    });
    const until = new Date();
    expect(outcomeTransition("RUNNING", { kind: "wait", until }, true)).toMatchObject({ event: null, next: "later" });
    expect(outcomeTransition("RUNNING", { kind: "pause" }, false)).toMatchObject({ run: "PAUSED", event: "PAUSED" });
  });
});

describe("executing pure steps", () => {
  it("runs transforms in memory to SUCCEEDED, recording each step and the run's events", async () => {
    const stretch = await executePureSteps(runRow(), [step(0, "TRANSFORM", greet), step(1, "TRANSFORM", greet)], env);
    expect(stretch.claim).toBeNull();
    expect(stretch.progress).toMatchObject({ status: "SUCCEEDED", currentStep: 2, output: { text: "Hello Ada" } });
    expect(stretch.stepRuns.map((s) => s.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect(stretch.events.map((e) => e.type)).toEqual(["STARTED", "STEP_SUCCEEDED", "STEP_SUCCEEDED", "SUCCEEDED"]);
  });

  it("stops at a step with an outside effect and claims it, attempt counted", async () => {
    const run = runRow({ status: "RUNNING", startedAt: new Date() });
    const stretch = await executePureSteps(run, [step(0, "TRANSFORM", greet), step(1, "APPROVAL", {})], env);
    expect(stretch.claim?.step.key).toBe("s1");
    expect(stretch.claim?.attempts).toBe(1);
    expect(stretch.progress).toMatchObject({ status: "RUNNING", currentStep: 1 });
    expect(stretch.stepRuns.map((s) => [s.stepKey, s.status])).toEqual([
      ["s0", "SUCCEEDED"],
      ["s1", "RUNNING"],
    ]);
    expect(stretch.events.map((e) => e.type)).toEqual(["STEP_SUCCEEDED"]);
  });

  it("fails the run at a step whose config is invalid", async () => {
    const stretch = await executePureSteps(runRow(), [step(0, "TRANSFORM", { nope: true })], env);
    expect(stretch.progress).toMatchObject({ status: "FAILED", error: "step s0 failed: invalid config" });
    expect(stretch.events.map((e) => e.type)).toEqual(["STARTED", "FAILED"]);
  });
});
