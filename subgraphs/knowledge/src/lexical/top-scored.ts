/**
 * The `limit` candidates of highest score that `accept` lets through, best first (ties by
 * candidate number, so equal scores rank the same on every run). A bounded insertion list:
 * once full, a candidate not above its floor costs one comparison.
 */
export function topScored(
  candidates: number[],
  scores: Float64Array,
  limit: number,
  accept: (candidate: number) => boolean,
): number[] {
  const top: number[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const score = scores[candidate]!;
    if (score < floor || (score === floor && top.length === limit) || !accept(candidate)) continue;
    let at = top.length;
    while (at > 0 && scores[top[at - 1]!]! < score) at--;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
    if (top.length === limit) floor = scores[top[limit - 1]!]!;
  }
  return top;
}
