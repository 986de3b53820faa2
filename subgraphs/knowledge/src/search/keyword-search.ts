import type { Db } from "../data/db";
import type { VectorSearchFilter } from "../vector-store/vector-store";
import { keywordQueryTexts } from "./keyword-query";
import type { RankedChunk } from "./ranked-chunk";

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

function rankedMatches(db: Db, tsquery: string, opts: KeywordSearchOptions, candidates: number | null) {
  return db.$queryRawUnsafe<RankedChunk[]>(
    // Matches are collected first (materialised), then kept if their document is READY, then ranked.
    `WITH match AS MATERIALIZED (
       -- OFFSET 0 plans the scan without the LIMIT: the GIN index for rare words, a stoppable scan for common ones.
       SELECT * FROM (
         SELECT c.id, c."documentId", c.tsv
           FROM knowledge."SemanticChunk" c
          WHERE c.tsv @@ to_tsquery('english', $1) AND c."tenantId" = $2::uuid AND c."embeddingModel" = $3
            AND ($4::uuid IS NULL OR c."workspaceId" = $4::uuid)
            AND ($5::uuid[] IS NULL OR c."documentId" = ANY($5::uuid[]))
         OFFSET 0) candidates
        LIMIT $7)
     SELECT match.id::text AS id, match."documentId"::text AS "documentId", ts_rank_cd(match.tsv, to_tsquery('english', $1))::float8 AS score
       FROM match
       JOIN knowledge."Document" d ON d.id = match."documentId" AND d."tenantId" = $2::uuid AND d.status = 'READY'
      ORDER BY score DESC, match.id
      LIMIT $6`,
    tsquery,
    opts.tenantId,
    opts.model,
    opts.filter.workspaceId ?? null,
    opts.filter.documentIds ?? null,
    opts.limit,
    candidates,
  );
}

/**
 * Postgres full-text search over the tenant's READY documents: all-words matches first, then
 * any-word ones. Call it outside `withTenant`: `@@` is not leakproof, so under row-level
 * security Postgres will not use the GIN index. Its own tenant predicate scopes it, and the
 * hits are then loaded inside the tenant transaction (RLS), the second wall.
 */
export async function keywordSearch(db: Db, query: string, opts: KeywordSearchOptions): Promise<RankedChunk[]> {
  const texts = keywordQueryTexts(query);
  if (!texts || opts.filter.documentIds?.length === 0) return [];
  const all = await rankedMatches(db, texts.all, opts, MAX_CANDIDATES);
  if (all.length >= Math.min(WIDEN_BELOW, opts.limit) || texts.all === texts.any) return all;
  const seen = new Set(all.map((r) => r.id));
  const any = await rankedMatches(db, texts.any, opts, MAX_CANDIDATES);
  return [...all, ...any.filter((r) => !seen.has(r.id))].slice(0, opts.limit);
}
