import { describe, expect, it } from "vitest";
import { ColumnMatrix } from "../src/vector-store/column-matrix";

function generator(seed: number) {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

describe("ColumnMatrix", () => {
  it("scores a large matrix (WebAssembly SIMD) as a plain dot product does, across growth", () => {
    const rand = generator(7);
    const dims = 48;
    const matrix = new ColumnMatrix(dims, 4096);
    const rows: Float32Array[] = [];
    for (let r = 0; r < 10_003; r++) {
      if (r === matrix.capacity) matrix.grow(r);
      const vector = Float32Array.from({ length: dims }, () => rand() - 0.5);
      matrix.setRow(r, vector);
      rows.push(vector);
    }
    matrix.copyRow(10_002, 5);
    rows[5] = rows[10_002]!;
    // Query densities around the padding to groups of four, and an all-zero query.
    for (const nonZero of [0, 1, 3, 4, 5, 17, 48]) {
      const query = new Float32Array(dims);
      for (let k = 0; k < nonZero; k++) query[Math.floor(rand() * dims)] = rand() - 0.5;
      const scores = matrix.scores(query, rows.length);
      for (const r of [0, 5, 4095, 4096, 8191, 8192, 10_002]) {
        const expected = rows[r]!.reduce((sum, x, d) => sum + x * query[d]!, 0);
        expect(scores[r]).toBeCloseTo(expected, 5);
      }
    }
  });
});
