import { randomUUID } from "node:crypto";
import type { ScopedTx, SqlTx } from "@atelier/db";
import type { Document, DocumentStatus, Prisma } from "../generated/prisma/client";

export type { DocumentStatus };

/** Columns callers need; the content bytes are loaded only by the ingestion job. */
export const DOCUMENT_FIELDS = {
  id: true,
  tenantId: true,
  workspaceId: true,
  title: true,
  mimeType: true,
  source: true,
  sourceUri: true,
  sourceAssetId: true,
  sourceAssetVersionId: true,
  metadata: true,
  checksum: true,
  sizeBytes: true,
  status: true,
  error: true,
  embeddingModel: true,
  chunkCount: true,
  chunksEmbedded: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  readyAt: true,
} satisfies Prisma.DocumentSelect;

export type DocumentRecord = Omit<Document, "content">;

export interface NewDocumentRow {
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

/** What an ingestion step (or a re-index) changes on its document. */
export interface DocumentPatch {
  status?: DocumentStatus;
  error?: string | null;
  chunkCount?: number;
  chunksEmbedded?: number;
  embeddingModel?: string;
  readyAt?: Date | null;
}

export interface IngestionState {
  status: DocumentStatus;
  error: string | null;
  /** Sequence of the newest CREATED or REINDEX_REQUESTED event: the ingestion currently asked for. */
  requestSequence: number | null;
}

const COLUMNS = Object.keys(DOCUMENT_FIELDS)
  .map((column) => `"${column}"`)
  .join(", ");
const PATCHABLE = new Set(["status", "error", "chunkCount", "chunksEmbedded", "embeddingModel", "readyAt"]);
const EMPTY = Buffer.alloc(0);

/**
 * The documents of the transaction's tenant, in plain SQL (rows shaped as Prisma's
 * `select: DOCUMENT_FIELDS`): creation and ingestion run on the pg pool, where Prisma's driver
 * adapter would turn megabytes of `bytea` into arrays of numbers.
 */
export function createDocumentStore(tx: ScopedTx<SqlTx>) {
  const { db, tenantId } = tx;
  const select = async (where: string, ...values: unknown[]) =>
    db.$queryRawUnsafe<DocumentRecord[]>(
      `SELECT ${COLUMNS} FROM knowledge."Document" WHERE "tenantId" = $1::uuid AND ${where}`,
      tenantId,
      ...values,
    );
  return {
    find: async (id: string) => (await select(`id = $2::uuid`, id))[0] ?? null,
    findMany: (ids: string[]) => select(`id = ANY($2::uuid[])`, ids),
    /** The documents made from these assets, newest first. */
    findByAssetIds: (assetIds: string[]) =>
      select(`"sourceAssetId" = ANY($2::uuid[]) ORDER BY "createdAt" DESC, id DESC`, assetIds),
    findByChecksum: async (workspaceId: string, checksum: string) =>
      (await select(`"workspaceId" = $2::uuid AND checksum = $3`, workspaceId, checksum))[0] ?? null,
    /** The document already made from this asset version, if any. */
    findByAssetVersion: async (versionId: string) =>
      (await select(`"sourceAssetVersionId" = $2::uuid`, versionId))[0] ?? null,

    /**
     * Inserts a PENDING document (its content as a binary parameter); null when a concurrent
     * insert of the same content, or the same asset version, won.
     */
    async insert(row: NewDocumentRow): Promise<DocumentRecord | null> {
      const { source } = row;
      const content = row.content
        ? Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength)
        : EMPTY;
      const rows = await db.$queryRawUnsafe<DocumentRecord[]>(
        `INSERT INTO knowledge."Document"
           (id, "tenantId", "workspaceId", title, "mimeType", source, "sourceUri", "sourceAssetId", "sourceAssetVersionId",
            metadata, checksum, content, "sizeBytes", "embeddingModel", "createdById", "updatedAt")
         VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6::knowledge."DocumentSource", $7, $8::uuid, $9::uuid,
                 $10::jsonb, $11, $12::bytea, $13, $14, $15::uuid, now())
         ON CONFLICT DO NOTHING
         RETURNING ${COLUMNS}`,
        randomUUID(),
        tenantId,
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
    },

    /** Applies a change (only while the document is in `whenStatus`, if given); the document after it, or null. */
    async patch(id: string, patch: DocumentPatch, whenStatus?: DocumentStatus): Promise<DocumentRecord | null> {
      const values: unknown[] = [id, tenantId];
      const sets = ['"updatedAt" = now()'];
      for (const [column, value] of Object.entries(patch)) {
        if (!PATCHABLE.has(column) || value === undefined) continue;
        values.push(value);
        sets.push(`"${column}" = $${values.length}${column === "status" ? '::knowledge."DocumentStatus"' : ""}`);
      }
      let where = `id = $1::uuid AND "tenantId" = $2::uuid`;
      if (whenStatus) {
        values.push(whenStatus);
        where += ` AND status = $${values.length}::knowledge."DocumentStatus"`;
      }
      const rows = await db.$queryRawUnsafe<DocumentRecord[]>(
        `UPDATE knowledge."Document" SET ${sets.join(", ")} WHERE ${where} RETURNING ${COLUMNS}`,
        ...values,
      );
      return rows[0] ?? null;
    },

    remove: (id: string) =>
      db.$executeRawUnsafe(
        `DELETE FROM knowledge."Document" WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
        id,
        tenantId,
      ),

    /**
     * Locks a document's row for the rest of the transaction and reads where its ingestion stands.
     * Every ingestion step takes this lock first, so duplicate deliveries of one job (or a stale job
     * and a newer one) apply their status changes one at a time, each seeing the other's result.
     */
    async lockIngestionState(id: string): Promise<IngestionState | null> {
      const rows = await db.$queryRawUnsafe<IngestionState[]>(
        `SELECT d.status, d.error,
                (SELECT max(e.sequence) FROM knowledge.stream_events e
                  WHERE e.stream_id = d.id::text AND e.type IN ('CREATED', 'REINDEX_REQUESTED'))::int AS "requestSequence"
           FROM knowledge."Document" d
          WHERE d.id = $1::uuid AND d."tenantId" = $2::uuid
            FOR UPDATE OF d`,
        id,
        tenantId,
      );
      return rows[0] ?? null;
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
