import { NotFoundError, requireReader } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { DocumentStatus } from "../data/document-store";
import { createStatusEventStore } from "../data/status-event-store";
import type { RequestScope } from "../scope";

export interface DocumentStatusEventRecord {
  sequence: number;
  type: string;
  status: DocumentStatus;
  chunkCount: number;
  chunksEmbedded: number;
  error: string | null;
  at: Date;
  documentId: string;
}

const args = z.object({
  documentId: z.uuid(),
  afterSequence: z.number().int().min(0).default(0),
  first: z.number().int().min(1).max(500).default(100),
});

/** A document's status events after a sequence, in order (the subscription's catch-up query). */
export async function documentStatusEvents(
  scope: RequestScope,
  raw: Record<string, unknown>,
): Promise<DocumentStatusEventRecord[]> {
  requireReader(scope.actor, "knowledge");
  const input = args.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)));
  const rows = await scope.read((tx) =>
    createStatusEventStore(tx).list(input.documentId, input.afterSequence, input.first),
  );
  // No events in this tenant: the stream is another tenant's or does not exist; both look alike.
  if (rows.length === 0 && input.afterSequence === 0) throw new NotFoundError("No such document.");
  return rows.map((row) => {
    const payload = row.payload as Omit<DocumentStatusEventRecord, "sequence" | "type" | "at" | "documentId">;
    return {
      sequence: row.sequence,
      type: row.type,
      status: payload.status,
      chunkCount: payload.chunkCount,
      chunksEmbedded: payload.chunksEmbedded,
      error: payload.error ?? null,
      at: row.createdAt,
      documentId: row.streamId,
    };
  });
}
