import { type Bm25Params, type ChunkTerms, termWeight } from "./bm25";

/** A sparse vector as Qdrant takes it: term hashes and their weights. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/**
 * Field lengths a chunk is normalised against where the collection's averages are unknown
 * (Qdrant applies idf at query time but stores term weights as written): a chunk of the default
 * size holds about 200 indexed terms, a title about 6.
 */
export const ASSUMED_AVERAGE_LENGTHS = { title: 6, body: 200 };

/** A term's index: its 32-bit FNV-1a hash (collisions between words of one chunk are summed). */
export function termIndex(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function sparse(weights: Map<number, number>): SparseVector {
  const indices = [...weights.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => weights.get(i)!) };
}

/** A chunk's BM25F term weights before idf, which the store applies (Qdrant's `idf` modifier). */
export function chunkSparseVector(
  terms: ChunkTerms,
  params: Bm25Params,
  average = ASSUMED_AVERAGE_LENGTHS,
): SparseVector {
  const weights = new Map<number, number>();
  for (const term of new Set([...terms.title.counts.keys(), ...terms.body.counts.keys()])) {
    const w = termWeight(
      params,
      terms.title.counts.get(term) ?? 0,
      terms.title.length,
      average.title,
      terms.body.counts.get(term) ?? 0,
      terms.body.length,
      average.body,
    );
    const index = termIndex(term);
    weights.set(index, (weights.get(index) ?? 0) + w);
  }
  return sparse(weights);
}

/** A query's sparse vector: each term counted as often as it occurs. */
export function querySparseVector(terms: Map<string, number>): SparseVector {
  const weights = new Map<number, number>();
  for (const [term, count] of terms) weights.set(termIndex(term), (weights.get(termIndex(term)) ?? 0) + count);
  return sparse(weights);
}
