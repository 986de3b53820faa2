import type { VectorPoint } from "../vector-store/vector-store";
import type { Db } from "./db";
import { bytesToVector } from "./vector-bytes";

export interface ChunkRow {
  id: string;
  tenantId: string;
  documentId: string;
  workspaceId: string;
  index: number;
  text: string;
  tokenCount: number;
  embeddingModel: string;
  vector: Uint8Array<ArrayBuffer>;
}

/** Inserts chunks; a chunk already written by an earlier attempt (same id) is left as it is. */
export async function insertChunks(tx: Db, rows: ChunkRow[]): Promise<void> {
  if (rows.length > 0) await tx.semanticChunk.createMany({ data: rows, skipDuplicates: true });
}

export async function embeddedChunkIndexes(
  db: Db,
  tenantId: string,
  documentId: string,
  model: string,
): Promise<Set<number>> {
  const rows = await db.semanticChunk.findMany({
    where: { tenantId, documentId, embeddingModel: model },
    select: { index: true },
  });
  return new Set(rows.map((r) => r.index));
}

export async function deleteChunksOf(tx: Db, tenantId: string, documentId: string): Promise<number> {
  return (await tx.semanticChunk.deleteMany({ where: { tenantId, documentId } })).count;
}

/** A document's chunk vectors from Postgres, the source of truth for rebuilding a store. */
export async function chunkPointsOf(
  db: Db,
  tenantId: string,
  documentId: string,
  model: string,
): Promise<VectorPoint[]> {
  const rows = await db.semanticChunk.findMany({
    where: { tenantId, documentId, embeddingModel: model },
    select: { id: true, documentId: true, workspaceId: true, vector: true },
  });
  return rows.map((r) => ({
    id: r.id,
    tenantId,
    documentId: r.documentId,
    workspaceId: r.workspaceId,
    vector: bytesToVector(r.vector),
  }));
}
