import { BadUserInputError, NotFoundError } from "@atelier/subgraph-kit";
import type { RunEventRow } from "../engine/run-event-row";
import { workspaceTopic } from "../engine/run-events";
import type { ReadTx } from "../scope";

const MAX_EVENTS = 500;

function limit(first: number | null | undefined): number {
  const n = first ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > MAX_EVENTS)
    throw new BadUserInputError(`first: must be between 1 and ${MAX_EVENTS}`);
  return n;
}

function toRow(
  event: { type: string; payload: unknown; createdAt: Date; streamId: string },
  sequence: number,
): RunEventRow {
  const payload = (event.payload ?? {}) as { status?: string; stepKey?: string | null };
  return {
    sequence,
    type: event.type,
    status: payload.status ?? "QUEUED",
    stepKey: payload.stepKey ?? null,
    at: event.createdAt,
    runId: event.streamId,
  };
}

/** A run's events after `afterSequence`, in order; NOT_FOUND for another tenant's run. */
export async function runEventsAfter(
  { db, tenantId }: ReadTx,
  runId: string,
  afterSequence: number,
  first?: number | null,
) {
  const run = await db.workflowRun.findFirst({ where: { id: runId, tenantId }, select: { id: true } });
  if (!run) throw new NotFoundError("No such workflow run.");
  const events = await db.streamEvent.findMany({
    where: { tenantId, streamId: runId, sequence: { gt: afterSequence } },
    orderBy: { sequence: "asc" },
    take: limit(first),
  });
  return events.map((e) => toRow(e, e.sequence));
}

/** A workspace's run events after a feed position, in commit order (the position is assigned at commit). */
export async function feedEventsAfter(
  { db, tenantId }: ReadTx,
  workspaceId: string,
  afterSequence: number,
  first?: number | null,
) {
  const events = await db.streamEvent.findMany({
    where: { tenantId, feed: workspaceTopic(workspaceId), feedSequence: { gt: afterSequence } },
    orderBy: { feedSequence: "asc" },
    take: limit(first),
  });
  return events.map((e) => toRow(e, e.feedSequence ?? 0));
}
