import type { SqlTx } from "@atelier/db";
import type { DocumentStatus } from "./documents";

export interface IngestionState {
  status: DocumentStatus;
  error: string | null;
  /** Sequence of the newest CREATED or REINDEX_REQUESTED event: the ingestion currently asked for. */
  requestSequence: number | null;
}

/**
 * Locks a document's row for the rest of the transaction and reads where its ingestion stands.
 * Every ingestion step takes this lock first, so duplicate deliveries of one job (or a stale job
 * and a newer one) apply their status changes one at a time, each seeing the other's result.
 */
export async function lockIngestionState(
  tx: SqlTx,
  tenantId: string,
  documentId: string,
): Promise<IngestionState | null> {
  const rows = await tx.$queryRawUnsafe<IngestionState[]>(
    `SELECT d.status, d.error,
            (SELECT max(e.sequence) FROM knowledge.stream_events e
              WHERE e.stream_id = d.id::text AND e.type IN ('CREATED', 'REINDEX_REQUESTED'))::int AS "requestSequence"
       FROM knowledge."Document" d
      WHERE d.id = $1::uuid AND d."tenantId" = $2::uuid
        FOR UPDATE OF d`,
    documentId,
    tenantId,
  );
  return rows[0] ?? null;
}
