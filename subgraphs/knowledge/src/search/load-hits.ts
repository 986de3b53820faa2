import type { SqlTx } from "@atelier/db";
import { DOCUMENT_FIELDS, type DocumentRecord } from "../data/documents";
import { MARK_CLOSE, MARK_OPEN, markedPassage, termOverlapHighlight } from "./highlight";
import { keywordQueryText } from "./keyword-query";
import type { RankedChunk } from "./ranked-chunk";

export interface SearchHit {
  score: number;
  chunk: { id: string; text: string; index: number; tokenCount: number; documentId: string };
  highlight: string;
  /** Loaded with the chunk, so resolving `SearchResult.document` costs no further query. */
  document: DocumentRecord;
}

// The document's columns, prefixed so they cannot collide with the chunk's. Built from the
// fields every document read selects, so the two cannot drift apart.
const DOCUMENT_KEYS = Object.keys(DOCUMENT_FIELDS) as (keyof DocumentRecord)[];
const DOCUMENT_COLUMNS = DOCUMENT_KEYS.map((key) => `d."${key}" AS "doc.${key}"`).join(", ");

// $1 ranked ids (best first), $2 tenant, $3 ids to highlight with ts_headline, $4 its tsquery,
// $5 hits wanted. The hits are looked up by primary key first (materialised), whatever the
// planner's statistics say; the few to return are cut before `ts_headline`, which parses each
// passage again, so it runs on the returned rows only.
const HITS_SQL = `
  WITH hit AS MATERIALIZED (
    SELECT c.id, c."documentId", c.text, c.index, c."tokenCount"
      FROM knowledge."SemanticChunk" c
     WHERE c.id = ANY($1::uuid[]) AND c."tenantId" = $2::uuid),
  shown AS (
    SELECT hit.*, array_position($1::uuid[], hit.id) AS rank, ${DOCUMENT_COLUMNS}
      FROM hit
      JOIN knowledge."Document" d ON d.id = hit."documentId" AND d."tenantId" = $2::uuid AND d.status = 'READY'
     ORDER BY rank
     LIMIT $5)
  SELECT shown.*,
         CASE WHEN shown.id = ANY($3::uuid[]) THEN ts_headline('english', shown.text, to_tsquery('english', $4),
           'StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
         END AS headline
    FROM shown
   ORDER BY shown.rank`;

type HitRow = { id: string; documentId: string; text: string; index: number; tokenCount: number } & {
  headline: string | null;
} & Record<`doc.${string}`, unknown>;

/**
 * The first `limit` ranked chunks that belong to the tenant's READY documents (a vector store
 * never decides visibility alone), each with its document and highlighted passage: keyword
 * hits by Postgres' `ts_headline`, the others by shared words. `tx` should be a tenant-bound
 * transaction (`withTenantSql` (@atelier/db)) so row-level security applies too.
 */
export async function loadHits(
  tx: SqlTx,
  tenantId: string,
  query: string,
  ranked: RankedChunk[],
  keywordIds: Set<string>,
  limit: number,
): Promise<SearchHit[]> {
  if (ranked.length === 0) return [];
  const scores = new Map(ranked.map((r) => [r.id, r.score]));
  const rows = await tx.$queryRawUnsafe<HitRow[]>(
    HITS_SQL,
    ranked.map((r) => r.id),
    tenantId,
    [...keywordIds],
    keywordQueryText(query) ?? "''",
    limit,
  );
  return rows.map((row) => ({
    score: scores.get(row.id)!,
    chunk: { id: row.id, text: row.text, index: row.index, tokenCount: row.tokenCount, documentId: row.documentId },
    highlight: row.headline ? markedPassage(row.headline) : termOverlapHighlight(row.text, query),
    document: Object.fromEntries(DOCUMENT_KEYS.map((key) => [key, row[`doc.${key}`]])) as unknown as DocumentRecord,
  }));
}
