import type { ScopedTx } from "@atelier/db";
import { appendStreamEvent, type StreamEventNotice } from "@atelier/live-events";
import type { GenerationRequest, GenerationStatus } from "../generated/prisma/client";
import type { Db } from "./db";

export const STREAM_SCHEMA = "creative";

export const requestTopic = (id: string) => `generationRequestUpdated:${id}`;
export const workspaceTopic = (workspaceId: string) => `generationRequestsUpdated:${workspaceId}`;

export interface GenerationEventRow {
  id: bigint;
  streamId: string;
  sequence: number;
  type: string;
  payload: { status: GenerationStatus };
  createdAt: Date;
}

/** The tenant's generation status events (`creative.stream_events`). */
export function createGenerationEventStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    /** Appends a status change of a request in the transaction that makes it; publish the notice after commit. */
    append(
      request: Pick<GenerationRequest, "id" | "workspaceId">,
      status: GenerationStatus,
      extra: Record<string, unknown> = {},
    ): Promise<StreamEventNotice> {
      return appendStreamEvent(db, {
        schema: STREAM_SCHEMA,
        streamId: request.id,
        tenantId,
        type: `GENERATION_${status}`,
        payload: { status, workspaceId: request.workspaceId, ...extra },
        topics: [requestTopic(request.id), workspaceTopic(request.workspaceId)],
        feed: workspaceTopic(request.workspaceId),
      });
    },

    ofRequest(requestId: string, afterSequence: number, first: number) {
      return db.$queryRaw<GenerationEventRow[]>`
        SELECT id, stream_id AS "streamId", sequence, type, payload, created_at AS "createdAt"
          FROM "creative".stream_events
         WHERE tenant_id = ${tenantId}::uuid AND stream_id = ${requestId} AND sequence > ${afterSequence}
         ORDER BY sequence LIMIT ${first}`;
    },

    /** A workspace's events after a feed position, in commit order; `sequence` is the feed position (set at commit). */
    ofWorkspaceFeed(workspaceId: string, afterPosition: number, first: number) {
      return db.$queryRaw<GenerationEventRow[]>`
        SELECT id, stream_id AS "streamId", feed_sequence AS sequence, type, payload, created_at AS "createdAt"
          FROM "creative".stream_events
         WHERE tenant_id = ${tenantId}::uuid AND feed = ${workspaceTopic(workspaceId)} AND feed_sequence > ${afterPosition}
         ORDER BY feed_sequence LIMIT ${first}`;
    },
  };
}
