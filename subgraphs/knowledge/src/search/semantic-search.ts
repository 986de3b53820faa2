import type { Context } from "../context";
import { inTenant } from "../data/in-tenant";
import { readerTenant } from "../domain/authorize";
import { semanticSearchInput } from "../domain/inputs";
import { keywordSearch } from "./keyword-search";
import { loadHits } from "./load-hits";
import { FUSION_DEPTH, fuseRankings, type RankedChunk } from "./ranked-chunk";
import { resolveFilter } from "./resolve-filter";
import { correctSpelling } from "./spelling";

/** Dense passages a hybrid search corrects its keyword query's spelling against. */
const SPELLING_PASSAGES = 10;

/** Searches the caller's tenant by meaning (DENSE), by words (KEYWORD) or both fused (HYBRID). */
export async function semanticSearch(ctx: Context, rawInput: unknown) {
  const tenantId = readerTenant(ctx.identity);
  const input = semanticSearchInput.parse(rawInput);
  const { services } = ctx;
  return inTenant(services.db, tenantId, async (tx) => {
    const filter = await resolveFilter(tx, tenantId, input.filter);
    const depth = input.mode === "HYBRID" ? FUSION_DEPTH : input.limit;
    const dense = async (): Promise<RankedChunk[]> => {
      const [vector] = await services.embedder.embed([input.query]);
      return services.store.search(services.collection, vector!, { tenantId, filter, limit: depth });
    };
    const keyword = (query: string) =>
      keywordSearch(services.db, query, { tenantId, model: services.embedder.model, filter, limit: depth });
    let ranked: RankedChunk[];
    let keywordHits: RankedChunk[] = [];
    let highlightQuery = input.query;
    if (input.mode === "DENSE") ranked = await dense();
    else if (input.mode === "KEYWORD") ranked = keywordHits = await keyword(input.query);
    else {
      // The keyword query is sent first, and the event loop turned once so it leaves before
      // dense search, which is synchronous CPU work, takes the thread: both legs overlap.
      const pending = keyword(input.query);
      pending.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
      await new Promise((resolve) => setImmediate(resolve));
      const d = await dense();
      const k = await pending;
      keywordHits = k;
      // Too few word matches (a typo?): the keyword leg tries again with the query's unknown
      // words corrected to the words of the best dense passages, which a typo does not hide.
      if (k.length < input.limit && d.length > 0) {
        const passages = await tx.semanticChunk.findMany({
          where: { tenantId, id: { in: d.slice(0, SPELLING_PASSAGES).map((r) => r.id) } },
          select: { text: true },
        });
        const corrected = correctSpelling(
          input.query,
          passages.map((p) => p.text),
        );
        if (corrected) {
          highlightQuery = corrected;
          const seen = new Set(k.map((r) => r.id));
          keywordHits = [...k, ...(await keyword(corrected)).filter((r) => !seen.has(r.id))].slice(0, depth);
        }
      }
      ranked = fuseRankings([d, keywordHits]);
    }
    const hits = await loadHits(
      tx,
      tenantId,
      highlightQuery,
      ranked.slice(0, input.limit * 2),
      new Set(keywordHits.map((h) => h.id)),
    );
    return hits.slice(0, input.limit);
  });
}
