import { randomUUID } from "node:crypto";
import { DOCUMENT_FIELDS, type DocumentRecord, type DocumentStatus } from "./documents";
import type { SqlTx } from "./sql-tx";

// Document reads and writes of creation and ingestion in plain SQL (see sql-tx.ts for why); each
// returns rows shaped as Prisma's `select: DOCUMENT_FIELDS` does.

const COLUMNS = Object.keys(DOCUMENT_FIELDS)
  .map((column) => `"${column}"`)
  .join(", ");

export async function selectDocument(tx: SqlTx, tenantId: string, id: string): Promise<DocumentRecord | null> {
  const rows = await tx.$queryRawUnsafe<DocumentRecord[]>(
    `SELECT ${COLUMNS} FROM knowledge."Document" WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
    id,
    tenantId,
  );
  return rows[0] ?? null;
}

export async function selectDocumentByChecksum(
  tx: SqlTx,
  tenantId: string,
  workspaceId: string,
  checksum: string,
): Promise<DocumentRecord | null> {
  const rows = await tx.$queryRawUnsafe<DocumentRecord[]>(
    `SELECT ${COLUMNS} FROM knowledge."Document"
      WHERE "tenantId" = $1::uuid AND "workspaceId" = $2::uuid AND checksum = $3`,
    tenantId,
    workspaceId,
    checksum,
  );
  return rows[0] ?? null;
}

export interface DocumentRow {
  tenantId: string;
  workspaceId: string;
  title: string;
  mimeType: string;
  sourceUri: string | null;
  metadata: Record<string, unknown>;
  checksum: string;
  content: Uint8Array;
  embeddingModel: string;
  createdById: string | null;
}

/**
 * Inserts a PENDING document (its content as a binary parameter, see document-content.ts);
 * null when a concurrent insert of the same content in the workspace won.
 */
export async function insertDocument(tx: SqlTx, row: DocumentRow): Promise<DocumentRecord | null> {
  const content = Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength);
  const rows = await tx.$queryRawUnsafe<DocumentRecord[]>(
    `INSERT INTO knowledge."Document"
       (id, "tenantId", "workspaceId", title, "mimeType", "sourceUri", metadata, checksum, content, "sizeBytes",
        "embeddingModel", "createdById", "updatedAt")
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7::jsonb, $8, $9::bytea, $10, $11, $12::uuid, now())
     ON CONFLICT DO NOTHING
     RETURNING ${COLUMNS}`,
    randomUUID(),
    row.tenantId,
    row.workspaceId,
    row.title,
    row.mimeType,
    row.sourceUri,
    JSON.stringify(row.metadata),
    row.checksum,
    content,
    content.byteLength,
    row.embeddingModel,
    row.createdById,
  );
  return rows[0] ?? null;
}

/** What an ingestion step changes on its document. */
export interface IngestionPatch {
  status?: DocumentStatus;
  error?: string | null;
  chunkCount?: number;
  chunksEmbedded?: number;
  embeddingModel?: string;
  readyAt?: Date | null;
}

const PATCHABLE = new Set(["status", "error", "chunkCount", "chunksEmbedded", "embeddingModel", "readyAt"]);

/** Applies an ingestion step's change; returns the document after it, or null when there is none. */
export async function patchDocument(
  tx: SqlTx,
  tenantId: string,
  id: string,
  patch: IngestionPatch,
): Promise<DocumentRecord | null> {
  const values: unknown[] = [id, tenantId];
  const sets = ['"updatedAt" = now()'];
  for (const [column, value] of Object.entries(patch)) {
    if (!PATCHABLE.has(column) || value === undefined) continue;
    values.push(value);
    sets.push(`"${column}" = $${values.length}${column === "status" ? '::knowledge."DocumentStatus"' : ""}`);
  }
  const rows = await tx.$queryRawUnsafe<DocumentRecord[]>(
    `UPDATE knowledge."Document" SET ${sets.join(", ")} WHERE id = $1::uuid AND "tenantId" = $2::uuid RETURNING ${COLUMNS}`,
    ...values,
  );
  return rows[0] ?? null;
}
