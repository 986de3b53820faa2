import type { ScopedTx, SqlTx } from "@atelier/db";
import { DOCUMENT_FIELDS, type DocumentRecord } from "../data/document-store";
import type { VectorHit } from "../vector-store/vector-store";
import { highlight } from "./highlight";

export interface SearchHit {
  score: number;
  chunk: { id: string; text: string; index: number; tokenCount: number; documentId: string };
  highlight: string;
  /** Loaded with the chunk, so resolving `SearchResult.document` costs no further query. */
  document: DocumentRecord;
  /** Where the next page starts when this is the last hit read. */
  cursor: string;
}

// The document's columns, prefixed so they cannot collide with the chunk's. Built from the
// fields every document read selects, so the two cannot drift apart.
const DOCUMENT_KEYS = Object.keys(DOCUMENT_FIELDS) as (keyof DocumentRecord)[];
const DOCUMENT_COLUMNS = DOCUMENT_KEYS.map((key) => `d."${key}" AS "doc.${key}"`).join(", ");

// $1 ranked ids (best first), $2 tenant. The hits are looked up by primary key first
// (materialised), whatever the planner's statistics say.
const HITS_SQL = `
  WITH hit AS MATERIALIZED (
    SELECT c.id, c."documentId", c.text, c.index, c."tokenCount"
      FROM knowledge."SemanticChunk" c
     WHERE c.id = ANY($1::uuid[]) AND c."tenantId" = $2::uuid)
  SELECT hit.*, array_position($1::uuid[], hit.id) AS rank, ${DOCUMENT_COLUMNS}
    FROM hit
    JOIN knowledge."Document" d ON d.id = hit."documentId" AND d."tenantId" = $2::uuid AND d.status = 'READY'
   ORDER BY rank`;

type HitRow = {
  id: string;
  documentId: string;
  text: string;
  index: number;
  tokenCount: number;
  rank: number;
} & Record<`doc.${string}`, unknown>;

/**
 * The ranked chunks that belong to the tenant's READY documents (a store never decides
 * visibility alone), each with its document and highlighted passage, in rank order.
 * Read in the caller's tenant scope (plain SQL), so row-level security applies too.
 */
export async function loadHits(
  tx: ScopedTx<SqlTx>,
  query: string,
  ranked: VectorHit[],
): Promise<(Omit<SearchHit, "cursor"> & { rank: number })[]> {
  if (ranked.length === 0) return [];
  const rows = await tx.db.$queryRawUnsafe<HitRow[]>(
    HITS_SQL,
    ranked.map((r) => r.id),
    tx.tenantId,
  );
  return rows.map((row) => ({
    rank: row.rank,
    score: ranked[row.rank - 1]!.score,
    chunk: { id: row.id, text: row.text, index: row.index, tokenCount: row.tokenCount, documentId: row.documentId },
    highlight: highlight(row.text, query),
    document: Object.fromEntries(DOCUMENT_KEYS.map((key) => [key, row[`doc.${key}`]])) as unknown as DocumentRecord,
  }));
}
