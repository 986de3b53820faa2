/**
 * Dot products of a query with every row of a column-major matrix (column `d` holds dimension
 * `d` of all rows and starts at `d * stride`), written to `scores[0 .. rows)`.
 *
 * Only the query's non-zero dimensions are read (the built-in embedder's queries use a few
 * dozen of its 384). They are taken eight at a time, so each pass reads and writes `scores`
 * once for eight columns instead of once per column: the scan stays bound by reading the
 * matrix, not by the score array's traffic.
 */
export function columnScores(
  data: Float32Array,
  stride: number,
  rows: number,
  query: Float32Array,
  scores: Float32Array,
): void {
  const offsets: number[] = [];
  const weights: number[] = [];
  for (let d = 0; d < query.length; d++) {
    if (query[d] === 0) continue;
    offsets.push(d * stride);
    weights.push(query[d]!);
  }
  scores.fill(0, 0, rows);
  let j = 0;
  for (; j + 8 <= offsets.length; j += 8) {
    const [o0, o1, o2, o3, o4, o5, o6, o7] = offsets.slice(j, j + 8) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const [w0, w1, w2, w3, w4, w5, w6, w7] = weights.slice(j, j + 8) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (let r = 0; r < rows; r++) {
      scores[r]! +=
        w0 * data[o0 + r]! +
        w1 * data[o1 + r]! +
        w2 * data[o2 + r]! +
        w3 * data[o3 + r]! +
        w4 * data[o4 + r]! +
        w5 * data[o5 + r]! +
        w6 * data[o6 + r]! +
        w7 * data[o7 + r]!;
    }
  }
  for (; j + 4 <= offsets.length; j += 4) {
    const [o0, o1, o2, o3] = offsets.slice(j, j + 4) as [number, number, number, number];
    const [w0, w1, w2, w3] = weights.slice(j, j + 4) as [number, number, number, number];
    for (let r = 0; r < rows; r++) {
      scores[r]! += w0 * data[o0 + r]! + w1 * data[o1 + r]! + w2 * data[o2 + r]! + w3 * data[o3 + r]!;
    }
  }
  for (; j < offsets.length; j++) {
    const o = offsets[j]!;
    const w = weights[j]!;
    for (let r = 0; r < rows; r++) scores[r]! += w * data[o + r]!;
  }
}
