import type { Document, DocumentStatus, Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

export type { Document, DocumentStatus };

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

export function findDocument(db: Db, tenantId: string, id: string): Promise<DocumentRecord | null> {
  return db.document.findFirst({ where: { id, tenantId }, select: DOCUMENT_FIELDS });
}

export function updateDocument(tx: Db, tenantId: string, id: string, data: Prisma.DocumentUpdateManyMutationInput) {
  return tx.document.updateManyAndReturn({ where: { id, tenantId }, data, select: DOCUMENT_FIELDS });
}
