import type { SearchResultResolvers } from "../generated/resolvers-types";

export const SearchResult: SearchResultResolvers = {
  // Loaded with the hit (one query for all of them): no loader round trip per result.
  document: (hit) => hit.document,
};
