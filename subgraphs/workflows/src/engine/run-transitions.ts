import { ConflictError } from "@atelier/subgraph-kit";
import type { RunStatus } from "../generated/prisma/client";

/** The run state machine: from → the statuses it may move to. */
const ALLOWED: Record<RunStatus, readonly RunStatus[]> = {
  QUEUED: ["RUNNING", "PAUSED", "CANCELLED"],
  RUNNING: ["SUCCEEDED", "FAILED", "PAUSED", "CANCELLED"],
  PAUSED: ["RUNNING", "CANCELLED", "FAILED"],
  FAILED: ["QUEUED"],
  SUCCEEDED: [],
  CANCELLED: [],
};

export const MAX_RETRIES = 3;

export function canMove(from: RunStatus, to: RunStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Refuses an illegal transition with CONFLICT, naming both statuses. */
export function assertCanMove(from: RunStatus, to: RunStatus, action: string): void {
  if (!canMove(from, to)) {
    throw new ConflictError(`Cannot ${action} a ${from} run (it would become ${to}).`, { status: from });
  }
}

/** Timing fields of a run reaching a final status. */
export function finishedFields(startedAt: Date | null, now = new Date()) {
  return { finishedAt: now, durationMs: startedAt ? now.getTime() - startedAt.getTime() : 0 };
}
