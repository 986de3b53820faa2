import { sqlTransactions } from "@atelier/db";
import { requireReader } from "@atelier/subgraph-kit";
import { semanticSearchInput } from "../inputs/document-inputs";
import { queryTerms } from "../lexical/bm25";
import type { RequestScope } from "../scope";
import type { VectorHit } from "../vector-store/vector-store";
import { loadHits, type SearchHit } from "./load-hits";
import { resolveFilter } from "./resolve-filter";
import { decodeSearchCursor, encodeSearchCursor, MAX_SEARCH_DEPTH } from "./search-cursor";

/**
 * Searches the caller's tenant by meaning (DENSE), by words (KEYWORD, BM25F) or both fused
 * (HYBRID), one page at a time: `after` continues from a result's cursor.
 */
export async function semanticSearch(scope: RequestScope, rawInput: unknown): Promise<SearchHit[]> {
  requireReader(scope.actor, "knowledge");
  const { tenantId } = scope;
  const input = semanticSearchInput.parse(rawInput);
  const offset = decodeSearchCursor(input.after);
  const { services } = scope;
  const { store, collection } = services;
  const filter = await resolveFilter(scope, input.filter);
  // A page further is read so that chunks of documents no longer READY can be skipped.
  const options = { tenantId, filter, limit: Math.min(MAX_SEARCH_DEPTH, offset + input.limit * 2) };
  const terms = queryTerms(input.query);
  const vector = async () => (await services.embedder.embed([input.query]))[0]!;
  // Every store applies the tenant inside its own query.
  let ranked: VectorHit[];
  if (input.mode === "KEYWORD") ranked = await store.searchText(collection, terms, options);
  else if (input.mode === "DENSE") ranked = await store.search(collection, await vector(), options);
  else ranked = await store.searchHybrid(collection, await vector(), terms, options);
  const page = ranked.slice(offset);
  // The hits are read under row-level security, the second wall behind the stores' own filters.
  const hits = await scope.using(sqlTransactions(services.sql)).read((tx) => loadHits(tx, input.query, page));
  return hits.slice(0, input.limit).map(({ rank, ...hit }) => ({ ...hit, cursor: encodeSearchCursor(offset + rank) }));
}
