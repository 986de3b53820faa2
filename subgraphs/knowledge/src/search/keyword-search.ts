import { MAX_SEARCH_LIMIT } from "../domain/inputs";
import type { VectorSearchFilter } from "../vector-store/vector-store";
import { keywordQueryTexts } from "./keyword-query";
import type { RankedChunk } from "./ranked-chunk";
import type { Sql } from "./sql";

export interface KeywordSearchOptions {
  tenantId: string;
  model: string;
  filter: VectorSearchFilter;
  limit: number;
}

/** Below this many all-words matches, chunks matching any word are added after them. */
const WIDEN_BELOW = 10;
/**
 * Matches ranked at most per query, in index order: a word common to most chunks must not make
 * one search rank the whole tenant. Dense search and fusion recover what the cut drops.
 */
const MAX_CANDIDATES = 1000;
/** Candidates the cheap rank keeps for cover density: twice the most hits a search returns. */
const PRERANKED = 2 * MAX_SEARCH_LIMIT;

// The tenant's chunks of READY documents matching a tsquery, at most $8 in index order, ranked:
// cover density (`ts_rank_cd`, which rewards query words close together) costs about 4 µs a
// chunk, so a cheaper frequency rank (`ts_rank`) first keeps the best $9 of them for it.
// $1 tenant, $2 model, $3 workspace, $4 document ids. OFFSET 0 plans the scan without the LIMIT
// above it: the GIN index for rare words, a stoppable scan for common ones.
const ranked = (tsquery: string) => `
  SELECT id, "documentId", ts_rank_cd(tsv, to_tsquery('english', ${tsquery}))::float8 AS score
    FROM (
      SELECT m.id, m."documentId", m.tsv
        FROM (
          SELECT * FROM (
            SELECT c.id, c."documentId", c.tsv
              FROM knowledge."SemanticChunk" c
             WHERE c.tsv @@ to_tsquery('english', ${tsquery}) AND c."tenantId" = $1::uuid AND c."embeddingModel" = $2
               AND ($3::uuid IS NULL OR c."workspaceId" = $3::uuid)
               AND ($4::uuid[] IS NULL OR c."documentId" = ANY($4::uuid[]))
            OFFSET 0) candidates
          LIMIT $8) m
        JOIN knowledge."Document" d ON d.id = m."documentId" AND d."tenantId" = $1::uuid AND d.status = 'READY'
       ORDER BY ts_rank(m.tsv, to_tsquery('english', ${tsquery})) DESC
       LIMIT $9) preranked`;

// Every step in one statement, one round trip: all-words matches first; then, only when there
// are fewer than $7 of them (an InitPlan gates that scan, which does not run otherwise), the
// any-word matches ($6, null for a one-word query) after them. $10 hits wanted.
const KEYWORD_SQL = `
  WITH all_words AS MATERIALIZED (${ranked("$5")}),
  any_word AS (
    SELECT * FROM (${ranked("$6")}) m
     WHERE $6 IS NOT NULL AND (SELECT count(*) FROM all_words) < $7 AND m.id NOT IN (SELECT id FROM all_words))
  SELECT id::text AS id, "documentId"::text AS "documentId", score
    FROM (SELECT *, 0 AS tier FROM all_words UNION ALL SELECT *, 1 AS tier FROM any_word) hits
   ORDER BY tier, score DESC, id
   LIMIT $10`;

/**
 * Postgres full-text search over the tenant's READY documents: all-words matches first, then
 * any-word ones. It runs outside any tenant transaction: `@@` is not leakproof, so under
 * row-level security Postgres will not use the GIN index. Its own tenant predicate scopes it,
 * and the hits are then loaded inside the tenant transaction (RLS), the second wall.
 */
export async function keywordSearch(sql: Sql, query: string, opts: KeywordSearchOptions): Promise<RankedChunk[]> {
  const texts = keywordQueryTexts(query);
  if (!texts || opts.filter.documentIds?.length === 0) return [];
  const { rows } = await sql.query<RankedChunk>(KEYWORD_SQL, [
    opts.tenantId,
    opts.model,
    opts.filter.workspaceId ?? null,
    opts.filter.documentIds ?? null,
    texts.all,
    texts.all === texts.any ? null : texts.any,
    Math.min(WIDEN_BELOW, opts.limit),
    MAX_CANDIDATES,
    PRERANKED,
    opts.limit,
  ]);
  return rows;
}
