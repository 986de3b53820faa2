import { ConflictError } from "@atelier/subgraph-kit";
import type { RunStatus, StepRunStatus } from "../generated/prisma/client";
import type { StepOutcome } from "../steps/step-type";
import type { RunEventType } from "./run-events";

/**
 * The run lifecycle as data, with no I/O: which statuses a run and a step run may move to, and
 * what a claimed step's outcome does to both. The engine and the run mutations apply it.
 */

/** A run: from → the statuses it may move to. */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  QUEUED: ["RUNNING", "PAUSED", "CANCELLED"],
  RUNNING: ["SUCCEEDED", "FAILED", "PAUSED", "CANCELLED"],
  PAUSED: ["RUNNING", "CANCELLED", "FAILED"],
  FAILED: ["QUEUED"],
  SUCCEEDED: [],
  CANCELLED: [],
};

/**
 * A step run: RUNNING is an attempt in flight (a lost worker's attempt is claimed again), WAITING
 * a delay, a poll or an approval; SUCCEEDED and FAILED are final. A pure step is recorded final at once.
 */
export const STEP_RUN_TRANSITIONS: Readonly<Record<StepRunStatus, readonly StepRunStatus[]>> = {
  RUNNING: ["RUNNING", "WAITING", "SUCCEEDED", "FAILED"],
  WAITING: ["RUNNING", "WAITING", "SUCCEEDED", "FAILED"],
  SUCCEEDED: [],
  FAILED: [],
};

/** How often a failed run may be retried. */
export const MAX_RETRIES = 3;

export function canMove(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

/** Refuses an illegal transition with CONFLICT, naming both statuses. */
export function assertCanMove(from: RunStatus, to: RunStatus, action: string): void {
  if (!canMove(from, to)) {
    throw new ConflictError(`Cannot ${action} a ${from} run (it would become ${to}).`, { status: from });
  }
}

/** Whether a step run may move from `from` (null: not started yet) to `to`. */
export function canStepMove(from: StepRunStatus | null, to: StepRunStatus): boolean {
  return from === null || STEP_RUN_TRANSITIONS[from].includes(to);
}

/** Whether a run's job may still advance it (start it, or execute its next step). */
export function isAdvanceable(status: RunStatus): boolean {
  return status === "QUEUED" || status === "RUNNING";
}

/** Whether a claimed step's outcome may still be recorded: a cancelled or finished run takes none. */
export function acceptsOutcomes(status: RunStatus): boolean {
  return status === "RUNNING" || status === "PAUSED";
}

/** Timing fields of a run reaching a final status. */
export function finishedFields(startedAt: Date | null, now = new Date()) {
  return { finishedAt: now, durationMs: startedAt ? now.getTime() - startedAt.getTime() : 0 };
}

/** What recording a claimed step's outcome does. */
export interface OutcomeTransition {
  step: StepRunStatus;
  run: RunStatus;
  /** The event appended, if the outcome changes anything a subscriber sees. */
  event: RunEventType | null;
  /** What follows: the next step (same job or a new one), a job at a later time, or nothing. */
  next: "next-step" | "later" | "none";
}

/**
 * The transition of a run (RUNNING or PAUSED, see acceptsOutcomes) whose claimed step ended with
 * `outcome`. A step that was already WAITING and waits again is no status change: no event.
 */
export function outcomeTransition(run: RunStatus, outcome: StepOutcome, wasWaiting: boolean): OutcomeTransition {
  const running = run === "RUNNING";
  switch (outcome.kind) {
    case "done":
      return { step: "SUCCEEDED", run, event: "STEP_SUCCEEDED", next: running ? "next-step" : "none" };
    case "failed":
      return { step: "FAILED", run: "FAILED", event: "FAILED", next: "none" };
    case "wait":
      return { step: "WAITING", run, event: wasWaiting ? null : "STEP_WAITING", next: running ? "later" : "none" };
    case "pause":
      return running
        ? { step: "WAITING", run: "PAUSED", event: "PAUSED", next: "none" }
        : { step: "WAITING", run, event: null, next: "none" };
  }
}
