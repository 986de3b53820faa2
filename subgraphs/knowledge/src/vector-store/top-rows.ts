/**
 * The `limit` rows of highest score that `accept` lets through, best first. One pass keeping a
 * sorted list of at most `limit` rows: once it is full, a row not above its last score costs a
 * single comparison, and only the few that are get `accept` and an insertion.
 */
export function topRows(scores: Float32Array, rows: number, limit: number, accept: (row: number) => boolean): number[] {
  const top: number[] = [];
  const topScores: number[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < rows; row++) {
    const score = scores[row]!;
    if (score <= floor || !accept(row)) continue;
    let at = top.length;
    while (at > 0 && topScores[at - 1]! < score) at--;
    top.splice(at, 0, row);
    topScores.splice(at, 0, score);
    if (top.length > limit) {
      top.pop();
      topScores.pop();
    }
    if (top.length === limit) floor = topScores[limit - 1]!;
  }
  return top;
}
