import type { SqlTx } from "@atelier/db";
import { appendStreamEvent, type StreamEventNotice } from "@atelier/live-events";
import type { Db } from "./db";
import type { DocumentRecord } from "./documents";

export type DocumentEventType =
  | "CREATED"
  | "PROCESSING"
  | "PROGRESS"
  | "READY"
  | "FAILED"
  | "REINDEX_REQUESTED"
  | "DELETED";

export const documentTopic = (documentId: string) => `documentStatusUpdated:${documentId}`;

/** Appends a status event in the caller's transaction (publish the notice after commit). */
export function appendDocumentEvent(
  tx: SqlTx,
  doc: DocumentRecord,
  type: DocumentEventType,
): Promise<StreamEventNotice> {
  return appendStreamEvent(tx, {
    schema: "knowledge",
    streamId: doc.id,
    tenantId: doc.tenantId,
    type,
    payload: { status: doc.status, chunkCount: doc.chunkCount, chunksEmbedded: doc.chunksEmbedded, error: doc.error },
    topics: [documentTopic(doc.id)],
  });
}

export function listDocumentEvents(db: Db, tenantId: string, documentId: string, afterSequence: number, first: number) {
  return db.streamEvent.findMany({
    where: { tenantId, streamId: documentId, sequence: { gt: afterSequence } },
    orderBy: { sequence: "asc" },
    take: first,
  });
}
