import type { VectorHit } from "../vector-store/vector-store";

/** How a hybrid search merges its two legs. */
export interface FusionParams {
  /** The keyword leg's share of the fused score, 0–1 (the dense leg has the rest). */
  keywordWeight: number;
  /** Candidates each leg contributes before fusion. */
  depth: number;
  /** How each leg's scores are put on one scale: min-max to 0–1, or z-scores. */
  normalization: "minmax" | "zscore";
}

export const DEFAULT_FUSION: FusionParams = { keywordWeight: 0.65, depth: 100, normalization: "minmax" };

/** Each hit's score on a common scale, and the value a candidate this leg did not list gets. */
function normalized(
  hits: VectorHit[],
  method: FusionParams["normalization"],
): { scores: Map<string, number>; absent: number } {
  const scores = new Map<string, number>();
  if (hits.length === 0) return { scores, absent: 0 };
  const values = hits.map((h) => h.score);
  if (method === "zscore") {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) || 1;
    for (const h of hits) scores.set(h.id, (h.score - mean) / sd);
    return { scores, absent: (Math.min(...values) - mean) / sd };
  }
  const max = Math.max(...values);
  const min = Math.min(...values);
  const range = max - min || 1;
  for (const h of hits) scores.set(h.id, (h.score - min) / range);
  return { scores, absent: 0 };
}

/**
 * Convex combination of the two legs' normalised scores: unlike reciprocal rank, a leg that
 * is sure (a wide gap at its top) outweighs one that is not, so fusion can add to the better leg.
 * Ties break by id, so a ranking never depends on the order chunks were written.
 */
export function fuseScores(dense: VectorHit[], keyword: VectorHit[], p: FusionParams): VectorHit[] {
  const d = normalized(dense, p.normalization);
  const k = normalized(keyword, p.normalization);
  const fused = new Map<string, VectorHit>();
  for (const hit of [...dense, ...keyword]) {
    if (fused.has(hit.id)) continue;
    const score =
      (1 - p.keywordWeight) * (d.scores.get(hit.id) ?? d.absent) + p.keywordWeight * (k.scores.get(hit.id) ?? k.absent);
    fused.set(hit.id, { id: hit.id, documentId: hit.documentId, score });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
