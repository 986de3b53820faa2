import type { RankedChunk } from "./ranked-chunk";
import { fuseRankings } from "./ranked-chunk";
import { correctSpelling } from "./spelling";
import type { Sql } from "./sql";

/** Dense passages a hybrid search corrects its keyword query's spelling against. */
const SPELLING_PASSAGES = 10;

export interface HybridLegs {
  /** Synchronous CPU work (the embedded store) or a remote call. */
  dense(): Promise<RankedChunk[]>;
  keyword(query: string): Promise<RankedChunk[]>;
}

export interface HybridRanking {
  ranked: RankedChunk[];
  keywordHits: RankedChunk[];
  /** The query the keyword hits matched: the corrected one when spelling was corrected. */
  keywordQuery: string;
}

/**
 * Both rankings fused by reciprocal rank. The keyword query is sent first, and the event loop
 * turned once so it leaves before dense search takes the thread: Postgres and the dense scan
 * overlap.
 */
export async function hybridRanking(
  sql: Sql,
  tenantId: string,
  query: string,
  wanted: number,
  depth: number,
  legs: HybridLegs,
): Promise<HybridRanking> {
  const pending = legs.keyword(query);
  pending.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  await new Promise((resolve) => setImmediate(resolve));
  const dense = await legs.dense();
  const keyword = await pending;
  let keywordHits = keyword;
  let keywordQuery = query;
  // Too few word matches (a typo?): the keyword leg tries again with the query's unknown words
  // corrected to the words of the best dense passages, which a typo does not hide. Those are
  // read like the keyword query, scoped by their tenant predicate: they only steer the
  // correction and are never returned.
  if (keyword.length < wanted && dense.length > 0) {
    const { rows } = await sql.query<{ text: string }>(
      `SELECT text FROM knowledge."SemanticChunk" WHERE id = ANY($1::uuid[]) AND "tenantId" = $2::uuid`,
      [dense.slice(0, SPELLING_PASSAGES).map((r) => r.id), tenantId],
    );
    const corrected = correctSpelling(
      query,
      rows.map((r) => r.text),
    );
    if (corrected) {
      keywordQuery = corrected;
      const seen = new Set(keyword.map((r) => r.id));
      const more = (await legs.keyword(corrected)).filter((r) => !seen.has(r.id));
      keywordHits = [...keyword, ...more].slice(0, depth);
    }
  }
  return { ranked: fuseRankings([dense, keywordHits]), keywordHits, keywordQuery };
}
