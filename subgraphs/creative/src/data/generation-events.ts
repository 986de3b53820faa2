import { appendStreamEvent, type StreamEventNotice } from "@atelier/live-events";
import type { GenerationRequest, GenerationStatus } from "../generated/prisma/client";
import type { Db } from "./db";

export const STREAM_SCHEMA = "creative";

export const requestTopic = (id: string) => `generationRequestUpdated:${id}`;
export const workspaceTopic = (workspaceId: string) => `generationRequestsUpdated:${workspaceId}`;

/** Appends a status change of a request in the transaction that makes it; publish the notice after commit. */
export function appendGenerationEvent(
  tx: Db,
  request: Pick<GenerationRequest, "id" | "tenantId" | "workspaceId">,
  status: GenerationStatus,
  extra: Record<string, unknown> = {},
): Promise<StreamEventNotice> {
  return appendStreamEvent(tx, {
    schema: STREAM_SCHEMA,
    streamId: request.id,
    tenantId: request.tenantId,
    type: `GENERATION_${status}`,
    payload: { status, workspaceId: request.workspaceId, ...extra },
    topics: [requestTopic(request.id), workspaceTopic(request.workspaceId)],
    feed: workspaceTopic(request.workspaceId),
  });
}

export interface GenerationEventRow {
  id: bigint;
  streamId: string;
  sequence: number;
  type: string;
  payload: { status: GenerationStatus };
  createdAt: Date;
}

export function listRequestEvents(tx: Db, tenantId: string, requestId: string, afterSequence: number, first: number) {
  return tx.$queryRaw<GenerationEventRow[]>`
    SELECT id, stream_id AS "streamId", sequence, type, payload, created_at AS "createdAt"
      FROM "creative".stream_events
     WHERE tenant_id = ${tenantId}::uuid AND stream_id = ${requestId} AND sequence > ${afterSequence}
     ORDER BY sequence LIMIT ${first}`;
}

/** A workspace's events after a feed position, in commit order; `sequence` is the feed position (set at commit). */
export function listFeedEvents(tx: Db, tenantId: string, workspaceId: string, afterPosition: number, first: number) {
  return tx.$queryRaw<GenerationEventRow[]>`
    SELECT id, stream_id AS "streamId", feed_sequence AS sequence, type, payload, created_at AS "createdAt"
      FROM "creative".stream_events
     WHERE tenant_id = ${tenantId}::uuid AND feed = ${workspaceTopic(workspaceId)} AND feed_sequence > ${afterPosition}
     ORDER BY feed_sequence LIMIT ${first}`;
}
