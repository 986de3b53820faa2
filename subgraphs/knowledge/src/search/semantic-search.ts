import { withTenantSql } from "@atelier/db";
import type { Context } from "../context";
import { readerTenant } from "../domain/authorize";
import { semanticSearchInput } from "../domain/inputs";
import { hybridRanking } from "./hybrid-ranking";
import { keywordSearch } from "./keyword-search";
import { loadHits, type SearchHit } from "./load-hits";
import { FUSION_DEPTH, type RankedChunk } from "./ranked-chunk";
import { resolveFilter } from "./resolve-filter";

/** Searches the caller's tenant by meaning (DENSE), by words (KEYWORD) or both fused (HYBRID). */
export async function semanticSearch(ctx: Context, rawInput: unknown): Promise<SearchHit[]> {
  const tenantId = readerTenant(ctx.identity);
  const input = semanticSearchInput.parse(rawInput);
  const { services } = ctx;
  const filter = await resolveFilter(services.db, tenantId, input.filter);
  const depth = input.mode === "HYBRID" ? FUSION_DEPTH : input.limit;
  // Both rankings apply the tenant inside their own query (the store's partition, the SQL predicate).
  const dense = async (): Promise<RankedChunk[]> => {
    const [vector] = await services.embedder.embed([input.query]);
    return services.store.search(services.collection, vector!, { tenantId, filter, limit: depth });
  };
  const keyword = (query: string) =>
    keywordSearch(services.sql, query, { tenantId, model: services.embedder.model, filter, limit: depth });
  let ranked: RankedChunk[];
  let keywordHits: RankedChunk[] = [];
  let highlightQuery = input.query;
  if (input.mode === "DENSE") ranked = await dense();
  else if (input.mode === "KEYWORD") ranked = keywordHits = await keyword(input.query);
  else {
    const hybrid = await hybridRanking(services.sql, tenantId, input.query, input.limit, depth, { dense, keyword });
    ({ ranked, keywordHits, keywordQuery: highlightQuery } = hybrid);
  }
  const keywordIds = new Set(keywordHits.map((h) => h.id));
  // The hits are read under row-level security, the second wall behind the queries' own filters.
  const hits = await withTenantSql(
    services.sql,
    tenantId,
    (tx) => loadHits(tx, tenantId, highlightQuery, ranked.slice(0, input.limit * 2), keywordIds, input.limit),
    { readOnly: true },
  );
  for (const hit of hits) ctx.loaders.documentById.prime(hit.document.id, hit.document);
  return hits;
}
