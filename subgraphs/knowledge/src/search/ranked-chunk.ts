export interface RankedChunk {
  id: string;
  documentId: string;
  score: number;
}

/** Candidates each ranking contributes to a hybrid search before fusion. */
export const FUSION_DEPTH = 50;
/** The reciprocal-rank-fusion constant (Cormack et al.): dampens the weight of the very top ranks. */
export const RRF_K = 60;

/** Reciprocal rank fusion: a chunk's score is the sum of 1 / (k + rank) over the rankings that list it. */
export function fuseRankings(rankings: RankedChunk[][], k = RRF_K): RankedChunk[] {
  const fused = new Map<string, RankedChunk>();
  for (const ranking of rankings) {
    ranking.forEach((chunk, rank) => {
      const entry = fused.get(chunk.id) ?? { id: chunk.id, documentId: chunk.documentId, score: 0 };
      entry.score += 1 / (k + rank + 1);
      fused.set(chunk.id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
