import type { ScopedTx, SqlTx } from "@atelier/db";
import { appendStreamEvent, type StreamEventNotice } from "@atelier/live-events";
import type { DocumentRecord } from "./document-store";

export type DocumentEventType =
  | "CREATED"
  | "PROCESSING"
  | "PROGRESS"
  | "READY"
  | "FAILED"
  | "REINDEX_REQUESTED"
  | "DELETED";

export const documentTopic = (documentId: string) => `documentStatusUpdated:${documentId}`;

export interface StatusEventRow {
  sequence: number;
  type: string;
  payload: unknown;
  createdAt: Date;
  streamId: string;
}

/** Documents' status events (`knowledge.stream_events`) of the transaction's tenant. */
export function createStatusEventStore(tx: ScopedTx<SqlTx>) {
  const { db, tenantId } = tx;
  return {
    /** Appends a status event in this transaction (publish the notice after commit: `tx.publish`). */
    append(doc: DocumentRecord, type: DocumentEventType): Promise<StreamEventNotice> {
      return appendStreamEvent(db, {
        schema: "knowledge",
        streamId: doc.id,
        tenantId,
        type,
        payload: {
          status: doc.status,
          chunkCount: doc.chunkCount,
          chunksEmbedded: doc.chunksEmbedded,
          error: doc.error,
        },
        topics: [documentTopic(doc.id)],
      });
    },

    /** A document's events after a sequence, in order. */
    list(documentId: string, afterSequence: number, first: number): Promise<StatusEventRow[]> {
      return db.$queryRawUnsafe<StatusEventRow[]>(
        `SELECT sequence, type, payload, created_at AS "createdAt", stream_id AS "streamId"
           FROM knowledge.stream_events
          WHERE tenant_id = $1::uuid AND stream_id = $2 AND sequence > $3
          ORDER BY sequence ASC LIMIT $4`,
        tenantId,
        documentId,
        afterSequence,
        first,
      );
    },
  };
}
