import type { Db } from "../data/db";
import { MARK_CLOSE, MARK_OPEN, markedPassage, termOverlapHighlight } from "./highlight";
import { keywordQueryText } from "./keyword-query";
import type { RankedChunk } from "./ranked-chunk";

export interface SearchHit {
  score: number;
  chunk: { id: string; text: string; index: number; tokenCount: number; documentId: string };
  highlight: string;
}

/**
 * Joins ranked chunk ids to their rows, keeping only chunks of the tenant's READY documents
 * (a vector store never decides visibility alone), and highlights each passage.
 */
export async function loadHits(
  db: Db,
  tenantId: string,
  query: string,
  ranked: RankedChunk[],
  keywordIds: Set<string>,
) {
  if (ranked.length === 0) return [];
  const tsquery = keywordQueryText(query) ?? "";
  const rows = await db.$queryRawUnsafe<
    { id: string; documentId: string; text: string; index: number; tokenCount: number; headline: string | null }[]
  >(
    // The hits are looked up by primary key first (materialised), whatever the planner's statistics say.
    `WITH hit AS MATERIALIZED (
       SELECT c.id, c."documentId", c.text, c.index, c."tokenCount"
         FROM knowledge."SemanticChunk" c
        WHERE c.id = ANY($1::uuid[]) AND c."tenantId" = $2::uuid)
     SELECT hit.id::text AS id, hit."documentId"::text AS "documentId", hit.text, hit.index, hit."tokenCount",
            CASE WHEN hit.id = ANY($3::uuid[]) THEN ts_headline('english', hit.text, to_tsquery('english', $4),
              'StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
            END AS headline
       FROM hit
       JOIN knowledge."Document" d ON d.id = hit."documentId" AND d."tenantId" = $2::uuid AND d.status = 'READY'`,
    ranked.map((r) => r.id),
    tenantId,
    [...keywordIds],
    tsquery || "''",
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ranked.flatMap((r): SearchHit[] => {
    const row = byId.get(r.id);
    if (!row) return [];
    const highlight = row.headline ? markedPassage(row.headline) : termOverlapHighlight(row.text, query);
    const { headline: _, ...chunk } = row;
    return [{ score: r.score, chunk, highlight }];
  });
}
