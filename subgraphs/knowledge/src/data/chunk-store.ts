import type { ScopedTx, SqlTx } from "@atelier/db";
import { chunkTerms } from "../lexical/bm25";
import { bytesToVector } from "../vector-store/vector-bytes";
import type { VectorPoint } from "../vector-store/vector-store";

/** A chunk row as ingestion writes it; its tenant is the transaction's. */
export interface ChunkRow {
  id: string;
  documentId: string;
  workspaceId: string;
  index: number;
  text: string;
  tokenCount: number;
  embeddingModel: string;
  vector: Uint8Array<ArrayBuffer>;
}

/** The chunk rows of the transaction's tenant, in plain SQL (bulk writes skip Prisma). */
export function createChunkStore(tx: ScopedTx<SqlTx>) {
  const { db, tenantId } = tx;
  return {
    /**
     * Inserts chunks; a chunk already written by an earlier attempt (same id) is left as it is.
     * One statement over column arrays, the vectors as one binary parameter cut apart by Postgres:
     * Prisma's `createMany` spent more CPU on its query plan and byte arrays than Postgres spent
     * on the rows, and per-row vector encoding was most of what remained.
     */
    async insert(rows: ChunkRow[]): Promise<void> {
      if (rows.length === 0) return;
      const width = rows[0]!.vector.byteLength;
      await db.$executeRawUnsafe(
        `INSERT INTO knowledge."SemanticChunk"
           (id, "tenantId", "documentId", "workspaceId", index, text, "tokenCount", "embeddingModel", vector)
         SELECT r.id, $10::uuid, r."documentId", r."workspaceId", r.index, r.text, r."tokenCount", r.model,
                substring($8::bytea FROM ((r.n - 1) * $9::int + 1)::int FOR $9::int)
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::int[], $7::text[])
                WITH ORDINALITY AS r(id, "documentId", "workspaceId", index, text, "tokenCount", model, n)
         ON CONFLICT DO NOTHING`,
        rows.map((r) => r.id),
        rows.map((r) => r.documentId),
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.index),
        rows.map((r) => r.text),
        rows.map((r) => r.tokenCount),
        rows.map((r) => r.embeddingModel),
        Buffer.concat(rows.map((r) => r.vector)),
        width,
        tenantId,
      );
    },

    /** Positions of a document's chunks already written with this model (a resumed job skips them). */
    async embeddedIndexes(documentId: string, model: string): Promise<Set<number>> {
      const rows = await db.$queryRawUnsafe<{ index: number }[]>(
        `SELECT index FROM knowledge."SemanticChunk"
          WHERE "tenantId" = $1::uuid AND "documentId" = $2::uuid AND "embeddingModel" = $3`,
        tenantId,
        documentId,
        model,
      );
      return new Set(rows.map((r) => r.index));
    },

    deleteOf(documentId: string): Promise<number> {
      return db.$executeRawUnsafe(
        `DELETE FROM knowledge."SemanticChunk" WHERE "tenantId" = $1::uuid AND "documentId" = $2::uuid`,
        tenantId,
        documentId,
      );
    },

    async countOf(documentId: string): Promise<number> {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM knowledge."SemanticChunk" WHERE "tenantId" = $1::uuid AND "documentId" = $2::uuid`,
        tenantId,
        documentId,
      );
      return rows[0]?.n ?? 0;
    },

    /** A document's chunk vectors and words from Postgres, the source of truth for rebuilding a store. */
    async pointsOf(documentId: string, model: string): Promise<VectorPoint[]> {
      const rows = await db.$queryRawUnsafe<
        { id: string; workspaceId: string; vector: string; text: string; title: string }[]
      >(
        `SELECT c.id::text, c."workspaceId"::text AS "workspaceId", encode(c.vector, 'base64') AS vector, c.text, d.title
           FROM knowledge."SemanticChunk" c
           JOIN knowledge."Document" d ON d.id = c."documentId" AND d."tenantId" = c."tenantId"
          WHERE c."tenantId" = $1::uuid AND c."documentId" = $2::uuid AND c."embeddingModel" = $3`,
        tenantId,
        documentId,
        model,
      );
      return rows.map((r) => ({
        id: r.id,
        tenantId,
        documentId,
        workspaceId: r.workspaceId,
        vector: bytesToVector(Buffer.from(r.vector, "base64")),
        terms: chunkTerms(r.title, r.text),
      }));
    },
  };
}
