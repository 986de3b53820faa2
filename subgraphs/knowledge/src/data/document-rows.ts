import { randomUUID } from "node:crypto";
import type { SqlTx } from "@atelier/db";
import { DOCUMENT_FIELDS, type DocumentRecord, type DocumentStatus } from "./documents";

// Document reads and writes of creation and ingestion in plain SQL (see withTenantSql in @atelier/db for why); each
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

/** Documents by id (a loader's batch). */
export function selectDocumentsByIds(tx: SqlTx, tenantId: string, ids: string[]): Promise<DocumentRecord[]> {
  return tx.$queryRawUnsafe<DocumentRecord[]>(
    `SELECT ${COLUMNS} FROM knowledge."Document" WHERE id = ANY($1::uuid[]) AND "tenantId" = $2::uuid`,
    ids,
    tenantId,
  );
}

/** The documents made from these assets, newest first (a loader's batch). */
export function selectDocumentsByAssetIds(tx: SqlTx, tenantId: string, assetIds: string[]): Promise<DocumentRecord[]> {
  return tx.$queryRawUnsafe<DocumentRecord[]>(
    `SELECT ${COLUMNS} FROM knowledge."Document"
      WHERE "sourceAssetId" = ANY($1::uuid[]) AND "tenantId" = $2::uuid
      ORDER BY "createdAt" DESC, id DESC`,
    assetIds,
    tenantId,
  );
}

export interface DocumentRow {
  tenantId: string;
  workspaceId: string;
  title: string;
  mimeType: string;
  metadata: Record<string, unknown>;
  /** Where the content came from; an ASSET document's content and checksum come with its job. */
  source:
    | { kind: "INLINE" }
    | { kind: "URI"; uri: string }
    | { kind: "ASSET"; assetId: string; versionId: string; sizeBytes: number };
  content: Uint8Array | null;
  checksum: string | null;
  embeddingModel: string;
  createdById: string | null;
}

const EMPTY = Buffer.alloc(0);

/**
 * Inserts a PENDING document (its content as a binary parameter, see document-content.ts);
 * null when a concurrent insert of the same content, or the same asset version, won.
 */
export async function insertDocument(tx: SqlTx, row: DocumentRow): Promise<DocumentRecord | null> {
  const { source } = row;
  const content = row.content ? Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength) : EMPTY;
  const rows = await tx.$queryRawUnsafe<DocumentRecord[]>(
    `INSERT INTO knowledge."Document"
       (id, "tenantId", "workspaceId", title, "mimeType", source, "sourceUri", "sourceAssetId", "sourceAssetVersionId",
        metadata, checksum, content, "sizeBytes", "embeddingModel", "createdById", "updatedAt")
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6::knowledge."DocumentSource", $7, $8::uuid, $9::uuid,
             $10::jsonb, $11, $12::bytea, $13, $14, $15::uuid, now())
     ON CONFLICT DO NOTHING
     RETURNING ${COLUMNS}`,
    randomUUID(),
    row.tenantId,
    row.workspaceId,
    row.title,
    row.mimeType,
    source.kind,
    source.kind === "URI" ? source.uri : null,
    source.kind === "ASSET" ? source.assetId : null,
    source.kind === "ASSET" ? source.versionId : null,
    JSON.stringify(row.metadata),
    row.checksum,
    content,
    source.kind === "ASSET" ? source.sizeBytes : content.byteLength,
    row.embeddingModel,
    row.createdById,
  );
  return rows[0] ?? null;
}

/** The document already made from this asset version, if any. */
export async function selectDocumentByAssetVersion(
  tx: SqlTx,
  tenantId: string,
  versionId: string,
): Promise<DocumentRecord | null> {
  const rows = await tx.$queryRawUnsafe<DocumentRecord[]>(
    `SELECT ${COLUMNS} FROM knowledge."Document" WHERE "tenantId" = $1::uuid AND "sourceAssetVersionId" = $2::uuid`,
    tenantId,
    versionId,
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
