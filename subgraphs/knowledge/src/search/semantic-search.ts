import type { Context } from "../context";
import { inTenant } from "../data/in-tenant";
import { readerTenant } from "../domain/authorize";
import { semanticSearchInput } from "../domain/inputs";
import { keywordSearch } from "./keyword-search";
import { loadHits } from "./load-hits";
import { FUSION_DEPTH, fuseRankings, type RankedChunk } from "./ranked-chunk";
import { resolveFilter } from "./resolve-filter";

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
    const keyword = () =>
      keywordSearch(services.db, input.query, { tenantId, model: services.embedder.model, filter, limit: depth });
    let ranked: RankedChunk[];
    let keywordHits: RankedChunk[] = [];
    if (input.mode === "DENSE") ranked = await dense();
    else if (input.mode === "KEYWORD") ranked = keywordHits = await keyword();
    else {
      const [d, k] = await Promise.all([dense(), keyword()]);
      keywordHits = k;
      ranked = fuseRankings([d, k]);
    }
    const hits = await loadHits(
      tx,
      tenantId,
      input.query,
      ranked.slice(0, input.limit * 2),
      new Set(keywordHits.map((h) => h.id)),
    );
    return hits.slice(0, input.limit);
  });
}
